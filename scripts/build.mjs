// Bundles the three entry points with esbuild: the VS Code client, the language server and the CLI.
// `--production` minifies and drops source maps (used by `npm run package`).
import { build } from 'esbuild';
import { copyFile, mkdir, chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');
const require = createRequire(import.meta.url);
const { version } = require('../package.json');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

await mkdir(outdir, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['language-server/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['language-server/cli.ts'], outfile: 'dist/optimus.js', banner: { js: '#!/usr/bin/env node' }, define: { OPTIMUS_VERSION: JSON.stringify(version) } }),
]);
await chmod(path.join(outdir, 'optimus.js'), 0o755);
// sql.js loads its WebAssembly from a file next to the bundle.
await copyFile(require.resolve('sql.js/dist/sql-wasm.wasm'), path.join(outdir, 'sql-wasm.wasm'));
console.log(`built dist/ (${production ? 'production' : 'development'})`);
