// Bundles each webview app (webviews/<app>/main.ts) for the browser into dist/webviews/<app>.js, plus <app>.css
// when the app imports style sheets, and prints each bundle's size. A panel script over the budget fails the build.
// `--production` minifies and drops source maps; `--outdir DIR` builds elsewhere than dist/webviews (tests do).
import { build } from 'esbuild';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const BUDGET_BYTES = 300 * 1024;

const { values } = parseArgs({ options: { production: { type: 'boolean' }, outdir: { type: 'string' } } });
const production = values.production === true;
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(root, values.outdir ?? 'dist/webviews');

const apps = await appsIn(path.join(root, 'webviews'));
await Promise.all(
  apps.map((app) =>
    build({
      entryPoints: { [app]: `webviews/${app}/main.ts` },
      outdir,
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      minify: production,
      sourcemap: production ? false : 'linked',
      // Keeps lit's development build (and its console warnings) out of what ships.
      conditions: production ? ['production'] : ['development'],
      tsconfig: 'webviews/tsconfig.json',
      absWorkingDir: root,
      logLevel: 'warning',
      legalComments: production ? 'none' : 'inline',
      plugins: [hostModulesForbidden()],
    }),
  ),
);

let over = false;
for (const app of apps) {
  const js = await sizeOf(path.join(outdir, `${app}.js`));
  const css = await sizeOf(path.join(outdir, `${app}.css`));
  over ||= js > BUDGET_BYTES;
  console.log(`built webview ${app}: ${kb(js)} js${css ? ` + ${kb(css)} css` : ''}${js > BUDGET_BYTES ? ` — over the ${kb(BUDGET_BYTES)} budget` : ''}`);
}
console.log(`built ${path.relative(root, outdir)}/ (${production ? 'production' : 'development'})`);
if (over && production) process.exitCode = 1;

/**
 * A webview runs in a sandboxed page: it never imports `vscode` or Node's modules (no file system, processes or
 * network). Anything it needs, it asks the extension host for with a message of its panel's protocol.
 */
function hostModulesForbidden() {
  const forbidden = /^(vscode|vscode-languageclient(\/.*)?|node:.*|fs|path|os|child_process|net|http|https|crypto)$/;
  return {
    name: 'host-modules-forbidden',
    setup(b) {
      b.onResolve({ filter: forbidden }, (args) => ({
        errors: [{ text: `webviews never import "${args.path}" (${path.relative(root, args.importer)}): ask the extension host with a message of the panel's protocol` }],
      }));
    },
  };
}

/** Every folder of webviews/ with a main.ts is an app; `shared/` and the like have none. */
async function appsIn(folder) {
  const entries = await readdir(folder, { withFileTypes: true });
  const apps = [];
  for (const e of entries) if (e.isDirectory() && (await sizeOf(path.join(folder, e.name, 'main.ts'))) > 0) apps.push(e.name);
  return apps.sort();
}

async function sizeOf(file) {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
