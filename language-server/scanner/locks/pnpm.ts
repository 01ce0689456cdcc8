import { parseYamlText } from '../ecosystems/parse';
import { asRecord, asString, isRecord } from '../ecosystems/values';
import { LockfileError, lines, must } from './lock-reader';
import type { LockReader } from './lock-reader';

/** Only these top-level sections name direct dependencies; `packages`/`snapshots` (most of the file) are skipped. */
const WANTED = new Set(['lockfileVersion', 'importers', 'dependencies', 'devDependencies', 'optionalDependencies']);
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];

/**
 * pnpm-lock.yaml v5 to v9. Workspaces key each project under `importers` by its folder ('.' for the root);
 * single-project lockfiles before v9 put the sections at the top level. Versions carry peer suffixes
 * (`18.2.0(react@18.2.0)`, v5: `18.2.0_react@18.2.0`) that are cut off; `link:` entries are not versions.
 */
export const pnpmLockReader: LockReader = {
  file: 'pnpm-lock.yaml',
  manifestKinds: ['package.json'],
  parse(text) {
    const doc = must(parseYamlText(directSections(text)), 'pnpm-lock.yaml');
    if (!isRecord(doc)) throw new LockfileError('pnpm-lock.yaml holds no lockfile sections (lockfileVersion, importers)');
    const importers = asRecord(doc.importers) ?? { '.': doc };
    return {
      version(dep, member) {
        const project = asRecord(importers[member === '' ? '.' : member]);
        for (const section of SECTIONS) {
          const entry = asRecord(project?.[section])?.[dep.name];
          const raw = isRecord(entry) ? entry.version : entry;
          const version = typeof raw === 'number' ? String(raw) : asString(raw);
          if (version !== undefined) return version.startsWith('link:') ? undefined : version.replace(/[(_].*$/, '');
        }
        return undefined;
      },
    };
  },
};

function directSections(text: string): string {
  const kept: string[] = [];
  let keep = false;
  for (const line of lines(text)) {
    const top = /^([A-Za-z'"][^:]*):/.exec(line);
    if (top?.[1]) keep = WANTED.has(top[1].replace(/['"]/g, ''));
    if (keep) kept.push(line);
  }
  return kept.join('\n');
}
