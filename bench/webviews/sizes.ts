/**
 * The panels' scripts as they ship: the production build the webview tests load (test/webviews/harness/bundle.ts,
 * that is scripts/buildWebviews.mjs --production into a temp folder), and the floor their sizes are put beside:
 * lit alone, bundled and minified the same way, which every panel carries.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { bundleSize, webviewBundles } from '../../test/webviews/harness/bundle';
import { REPO } from '../stats';

/** The panels issue 7 budgets, in the order the table lists them. */
export const APPS = ['console', 'portfolio', 'money', 'runtime', 'project'] as const;

/** The budget for each panel's script, minified. */
export const SCRIPT_BUDGET_BYTES = 300 * 1024;

/**
 * Builds the bundles once (the harness keeps the folder for every page it opens). The build script prints its
 * sizes on stdout; they go to stderr here, so that `--json` prints one JSON document and nothing else.
 */
export async function buildBundlesQuietly(): Promise<string> {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await webviewBundles();
  } catch (e) {
    // buildWebviews.mjs fails a production build with a panel over the budget: say so rather than a stack.
    throw new Error(`the production build of the webviews failed (a panel over the ${SCRIPT_BUDGET_BYTES / 1024} KB budget fails it): ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    process.stdout.write = write;
  }
}

export interface ScriptSize {
  app: string;
  jsBytes: number;
  /** 0 when the app has no style sheet of its own. */
  cssBytes: number;
}

export async function scriptSizes(): Promise<ScriptSize[]> {
  const dir = await webviewBundles();
  const cssOf = (app: string): Promise<number> => stat(path.join(dir, `${app}.css`)).then((s) => s.size, () => 0);
  return Promise.all(APPS.map(async (app) => ({ app, jsBytes: await bundleSize(app), cssBytes: await cssOf(app) })));
}

/** lit with every export kept, bundled for the browser and minified as the panels are (production conditions). */
export async function litAloneBytes(): Promise<number> {
  // Imported here, as bench/runtime.bench.ts does: only this measure needs esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: "export * from 'lit';", resolveDir: REPO, loader: 'ts', sourcefile: 'lit-alone.ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    globalName: 'litAlone',
    minify: true,
    conditions: ['production'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((sum, f) => sum + f.contents.length, 0);
}
