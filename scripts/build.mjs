// Bundles the three entry points with esbuild: the VS Code client, the language server and the CLI.
// `--production` minifies and drops source maps; `--outdir DIR` builds elsewhere than dist/ (packaging does).
import { build } from 'esbuild';
import { chmod, copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { production: { type: 'boolean' }, outdir: { type: 'string' } } });
const production = values.production === true;
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(root, values.outdir ?? 'dist');
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
  define: { OPTIMUS_VERSION: JSON.stringify(version) },
  // docker-modem's ssh transport, which Optimus never uses: see the stub for why.
  // jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow: its ES module build bundles.
  alias: { ssh2: './scripts/stubs/ssh2.cjs', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [stubDockerodeSession()],
};
const out = (file) => path.join(outdir, file);

/** dockerode's BuildKit session module, swapped for a stub: see scripts/stubs/dockerodeSession.cjs. */
function stubDockerodeSession() {
  const stub = path.join(root, 'scripts/stubs/dockerodeSession.cjs');
  return {
    name: 'stub-dockerode-session',
    setup(b) {
      b.onResolve({ filter: /^\.\/(session|buildkit)$/ }, (args) => (/[\\/]dockerode[\\/]lib$/.test(args.resolveDir) ? { path: stub } : undefined));
    },
  };
}

await mkdir(outdir, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['extension/extension.ts'], outfile: out('extension.js'), external: ['vscode'] }),
  // TypeScript (~9 MB) stays in node_modules, required on the first analysis: bundled, every start would parse it.
  build({ ...common, entryPoints: ['language-server/server.ts'], outfile: out('server.js'), external: ['typescript'] }),
  // ESLint and type checks run in this child of the server: see language-server/analyzer/lint/host/lintHost.ts.
  build({ ...common, entryPoints: ['language-server/analyzer/lint/host/lintHostMain.ts'], outfile: out('lintHost.js'), external: ['typescript'] }),
  build({ ...common, entryPoints: ['language-server/cli.ts'], outfile: out('optimus.js'), external: ['typescript'], banner: { js: '#!/usr/bin/env node' } }),
]);
await chmod(out('optimus.js'), 0o755);
// The troubleshooter reads its knowledge base (YAML, one file per diagnosis) from a folder next to the bundle.
await rm(out('knowledge'), { recursive: true, force: true });
await cp(path.join(root, 'language-server/troubleshooter/knowledge'), out('knowledge'), { recursive: true, filter: (src) => !src.endsWith('.md') });
// The advisor's revenue-model templates (YAML) likewise.
await rm(out('templates'), { recursive: true, force: true });
await cp(path.join(root, 'language-server/advisor/monetization/templates'), out('templates'), { recursive: true, filter: (src) => !src.endsWith('.md') });
// sql.js loads its WebAssembly from a file next to the bundle.
await copyFile(require.resolve('sql.js/dist/sql-wasm.wasm'), out('sql-wasm.wasm'));
console.log(`built ${path.relative(root, outdir) || '.'}/ (${production ? 'production' : 'development'})`);
