import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { x as extract } from 'tar';

/** Tarballs are kept here (git-ignored) so that a rerun needs no network. */
export const PACKAGE_CACHE = path.resolve(__dirname, '..', '..', '..', '..', '.cache', 'advisor-packages');

export type Fetched = { tarball: string } | { skipped: string };

/** `@nestjs/schematics@11.1.0` → `nestjs-schematics-11.1.0.tgz`, the name `npm pack` gives it. */
export function tarballName(spec: string): string {
  const at = spec.lastIndexOf('@');
  return `${spec.slice(0, at).replace(/^@/, '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`;
}

/**
 * Each pinned `name@version` as a tarball in the cache, fetched with `npm pack` when missing. Synchronous on
 * purpose: it runs while mocha collects the tests, so that a test's title can say why it is skipped. After the
 * first network failure the remaining packages are not tried (each try would wait for the same timeout).
 */
export function fetchPackages(specs: readonly string[]): Map<string, Fetched> {
  mkdirSync(PACKAGE_CACHE, { recursive: true });
  const out = new Map<string, Fetched>();
  let offline: string | null = null;
  for (const spec of specs) {
    const tarball = path.join(PACKAGE_CACHE, tarballName(spec));
    if (existsSync(tarball)) out.set(spec, { tarball });
    else if (offline) out.set(spec, { skipped: offline });
    else {
      const failure = npmPack(spec);
      if (failure === null && existsSync(tarball)) out.set(spec, { tarball });
      else out.set(spec, { skipped: (offline = failure ?? `npm pack ${spec} wrote no ${path.basename(tarball)}`) });
    }
  }
  return out;
}

function npmPack(spec: string): string | null {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['pack', spec, '--pack-destination', PACKAGE_CACHE, '--loglevel=error', '--fetch-retries=0', '--fetch-timeout=30000'], { encoding: 'utf8', timeout: 90_000, cwd: PACKAGE_CACHE });
  if (run.error) return `npm could not run (${run.error.message})`;
  if (run.status === 0) return null;
  const lines = `${run.stderr}`.split('\n');
  const line = lines.find((l) => /FetchError|404 Not Found/.test(l)) ?? lines.find((l) => /error code/.test(l)) ?? `exit code ${run.status}`;
  return `the npm registry is unreachable or refused ${spec} (${line.replace(/^npm error\s*/, '').trim().slice(0, 160)})`;
}

/** Unpacks a tarball into `dir`; npm tarballs hold one top folder, `package/`, which is returned. */
export async function unpack(tarball: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await extract({ file: tarball, cwd: dir, strict: true });
  return path.join(dir, 'package');
}
