import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const FIXTURES = path.join(__dirname, 'fixtures');

export { useTempDir } from '../../../integration/helpers/tempDir';

/** Writes files given as { 'a/b.json': text, bytes, or a value written as pretty JSON }. */
export async function writeFiles(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** A v3 lockfile with the given installs: { 'node_modules/a': ['1.0.0', { dev: true }] }. */
export function lockfile(installs: Record<string, [string, Record<string, unknown>?]>, root: Record<string, unknown> = {}): unknown {
  const packages: Record<string, unknown> = { '': { name: 'app', version: '1.0.0', ...root } };
  for (const [location, [version, extra]] of Object.entries(installs)) packages[location] = { version, ...extra };
  return { name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/** An OSV record for one npm package. */
export function osvRecord(id: string, name: string, affected: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, summary: `${id} in ${name}`, affected: [{ package: { ecosystem: 'npm', name }, ...affected }], ...extra };
}

export const semverRange = (...events: Record<string, string>[]): Record<string, unknown> => ({ type: 'SEMVER', events });
