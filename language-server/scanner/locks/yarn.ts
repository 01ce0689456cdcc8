import { LockfileError, lines } from './lock-reader';
import type { LockReader } from './lock-reader';

/**
 * yarn.lock, classic (v1, its own format) and berry (YAML). Both open each entry with a header line listing the
 * descriptors it satisfies (`"react@^18.0.0", "react@^18.2.0":`, berry: `"react@npm:^18.2.0":`) followed by an
 * indented `version` line, so one line scanner reads both without a YAML parse of the whole file.
 */
export const yarnLockReader: LockReader = {
  file: 'yarn.lock',
  manifestKinds: ['package.json'],
  parse(text) {
    const byDescriptor = new Map<string, string>();
    const byName = new Map<string, Set<string>>();
    let current: string[] = [];
    for (const line of lines(text)) {
      if (line === '' || line.startsWith('#')) continue;
      if (!line.startsWith(' ') && line.endsWith(':')) current = line.slice(0, -1).split(/,\s*/).map(unquote);
      else if (current.length > 0) record(line, current, byDescriptor, byName);
    }
    if (byDescriptor.size === 0 && /^[^#\s]/m.test(text)) throw new LockfileError('yarn.lock holds no package entries (`name@range:` followed by `version`), so it is not a yarn lockfile');
    return {
      version(dep) {
        const exact = byDescriptor.get(`${dep.name}@${dep.range}`) ?? byDescriptor.get(`${dep.name}@npm:${dep.range}`);
        const all = byName.get(dep.name);
        return exact ?? (all?.size === 1 ? [...all][0] : undefined);
      },
    };
  },
};

function record(line: string, descriptors: readonly string[], byDescriptor: Map<string, string>, byName: Map<string, Set<string>>): void {
  const match = /^ {2}version:? "?([^"\s]+)"?$/.exec(line);
  if (!match?.[1]) return;
  for (const descriptor of descriptors) {
    const at = descriptor.indexOf('@', 1);
    if (at < 0) continue;
    byDescriptor.set(descriptor, match[1]);
    const name = descriptor.slice(0, at);
    const versions = byName.get(name) ?? new Set<string>();
    byName.set(name, versions.add(match[1]));
  }
}

function unquote(value: string): string {
  return value.trim().replace(/^"(.*)"$/, '$1');
}
