// `npm run package`: a .vsix holding only what runs in VS Code. The extension is staged into its own folder
// first: vsce walks every file below the manifest, and this repository's .cache holds code-server and the
// benchmark portfolio (hundreds of thousands of files), which made packaging take a minute.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, stage: { type: 'string' }, 'list-only': { type: 'boolean' } } });
const stage = path.resolve(root, values.stage ?? '.cache/vsix-stage');
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(root, values.out ?? `dist/optimus-${manifest.version}.vsix`);
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

await rm(stage, { recursive: true, force: true });
await mkdir(stage, { recursive: true });
run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--outdir', path.join(stage, 'dist')], root);
await rm(path.join(stage, 'dist', 'optimus.js')); // the CLI is for npm, not for VS Code
const { scripts, devDependencies, dependencies, files, bin, ...extensionManifest } = manifest;
await writeFile(path.join(stage, 'package.json'), JSON.stringify(extensionManifest, null, 2) + '\n');
for (const file of ['README.md', 'LICENSE', 'media']) await cp(path.join(root, file), path.join(stage, file), { recursive: true });
const base = ['--no-dependencies', '--baseContentUrl', `${manifest.homepage}/blob/main`, '--baseImagesUrl', `${manifest.homepage}/raw/main`];
if (values['list-only']) run(vsce, ['ls', '--no-dependencies'], stage);
else {
  await mkdir(path.dirname(out), { recursive: true });
  run(vsce, ['package', ...base, '--out', out], stage);
}
