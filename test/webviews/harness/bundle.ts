import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../../..');
let built: Promise<string> | undefined;

/**
 * The webview bundles as they ship (production build by scripts/buildWebviews.mjs), built once per test run
 * into a folder of their own so a build in dist/ by someone else is never read half-written.
 */
export function webviewBundles(): Promise<string> {
  built ??= (async () => {
    const outdir = await mkdtemp(path.join(os.tmpdir(), 'optimus-webviews-'));
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/buildWebviews.mjs', '--production', '--outdir', outdir], { cwd: root });
    process.stdout.write(`\n${stdout}`);
    return outdir;
  })();
  return built;
}

export async function bundleSize(app: string): Promise<number> {
  return (await stat(path.join(await webviewBundles(), `${app}.js`))).size;
}
