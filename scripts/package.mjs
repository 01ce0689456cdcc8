// `npm run package`: a .vsix holding only what runs in VS Code. The extension is staged into its own folder
// first: vsce walks every file below the manifest, and this repository's .cache holds code-server and the
// benchmark portfolio (hundreds of thousands of files), which made packaging take a minute.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, stage: { type: 'string' }, 'list-only': { type: 'boolean' } } });
const stage = path.resolve(root, values.stage ?? '.cache/vsix-stage');
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(root, values.out ?? `dist/optimus-${manifest.version}.vsix`);
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');

/**
 * Packages the server requires at run time instead of bundling: TypeScript (bundled, every start would parse its
 * 9 MB) and ESLint with its rule sets (it loads rules and configs dynamically). Copied with everything they
 * depend on, as npm installed them.
 */
const RUNTIME_PACKAGES = ['typescript', 'eslint', '@eslint/js', 'typescript-eslint', 'jiti'];

async function stageRuntimePackages(names) {
  const seen = new Set();
  const queue = names.map((name) => packageDir(name, root));
  while (queue.length > 0) {
    const dir = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = packageDir(dep, dir, true);
      if (found) queue.push(found);
    }
  }
  for (const dir of seen) {
    const target = path.join(stage, path.relative(root, dir));
    await cp(dir, target, { recursive: true, filter: (src) => !unneeded(path.relative(dir, src), path.basename(dir) === 'typescript') });
  }
}

// What no require at run time reads: type declarations (but TypeScript's own lib.*.d.ts, which type checks
// load), source maps, docs, TypeScript's other programs (tsc, tsserver) and its message translations.
const TYPESCRIPT_UNNEEDED = /^lib[\\/](_?tsc|_?tsserver(library)?|_?typingsInstaller|watchGuard)\.js$|^lib[\\/](cs|de|es|fr|it|ja|ko|pl|pt-br|ru|tr|zh-cn|zh-tw)([\\/]|$)/;

function unneeded(rel, isTypescript) {
  if (/(^|[\\/])\.bin([\\/]|$)/.test(rel) || /\.(map|md|markdown)$/i.test(rel) && !/^licen[cs]e/i.test(path.basename(rel))) return true;
  if (isTypescript) return TYPESCRIPT_UNNEEDED.test(rel);
  return /\.d\.[cm]?ts$/.test(rel);
}

/** Where Node would find `name` from `from`: the nearest node_modules folder holding it. */
function packageDir(name, from, optional = false) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) {
      if (optional) return null;
      throw new Error(`${name} is not installed (from ${from}); run npm ci`);
    }
  }
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

await rm(stage, { recursive: true, force: true });
await mkdir(stage, { recursive: true });
run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--outdir', path.join(stage, 'dist')], root);
run(process.execPath, [path.join(root, 'scripts', 'buildWebviews.mjs'), '--production', '--outdir', path.join(stage, 'dist', 'webviews')], root);
await rm(path.join(stage, 'dist', 'optimus.js')); // the CLI is for npm, not for VS Code
const { scripts, devDependencies, dependencies, files, bin, ...extensionManifest } = manifest;
// Only the packages staged below are dependencies of the extension; vsce lists them with npm to include them.
const runtimeDependencies = Object.fromEntries(RUNTIME_PACKAGES.map((name) => [name, dependencies[name]]));
await writeFile(path.join(stage, 'package.json'), JSON.stringify({ ...extensionManifest, dependencies: runtimeDependencies }, null, 2) + '\n');
for (const file of ['README.md', 'LICENSE', 'media']) await cp(path.join(root, file), path.join(stage, file), { recursive: true });
await stageRuntimePackages(RUNTIME_PACKAGES);
const base = ['--baseContentUrl', `${manifest.homepage}/blob/main`, '--baseImagesUrl', `${manifest.homepage}/raw/main`];
if (values['list-only']) run(vsce, ['ls'], stage);
else {
  await mkdir(path.dirname(out), { recursive: true });
  run(vsce, ['package', ...base, '--out', out], stage);
}
