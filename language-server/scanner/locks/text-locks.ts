import { parseYamlText } from '../ecosystems/parse';
import { asRecord, asString, at } from '../ecosystems/values';
import { VersionsByName, compareVersions, lines, must } from './lock-reader';
import type { LockReader } from './lock-reader';

/**
 * go.sum lists every module version the build graph touched (`path version[/go.mod] hash`). The required
 * version is the locked one when go.sum has its content hash; otherwise the newest version with content.
 */
export const goSumReader: LockReader = {
  file: 'go.sum',
  manifestKinds: ['go.mod'],
  parse(text) {
    const content = new Map<string, Set<string>>();
    for (const line of lines(text)) {
      const [path, version] = line.trim().split(/\s+/);
      if (!path || !version || version.endsWith('/go.mod')) continue;
      content.set(path, (content.get(path) ?? new Set()).add(version));
    }
    return {
      version(dep) {
        const known = content.get(dep.name);
        if (!known) return undefined;
        return known.has(dep.range) ? dep.range : [...known].sort(compareVersions).at(-1);
      },
    };
  },
};

/** Gemfile.lock: `    name (version[-platform])` under each `specs:` of the GEM, GIT and PATH sections. */
export const gemfileLockReader: LockReader = {
  file: 'Gemfile.lock',
  manifestKinds: ['Gemfile'],
  parse(text) {
    const versions = new VersionsByName();
    for (const line of lines(text)) {
      const match = /^ {4}([^\s(]+) \(([^)\s]+)\)$/.exec(line);
      if (match?.[1] && match[2]) versions.add(match[1], match[2].replace(/-(x86|x64|arm|aarch|universal|java|mingw|mswin|darwin|linux).*$/, ''));
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** mix.lock: `"name": {:hex, :name, "1.2.3", ...}`; git dependencies lock a commit and are left out. */
export const mixLockReader: LockReader = {
  file: 'mix.lock',
  manifestKinds: ['mix.exs'],
  parse(text) {
    const versions = new VersionsByName();
    for (const match of text.matchAll(/"([\w-]+)":\s*\{:hex,\s*:[\w-]+,\s*"([^"]+)"/g)) {
      if (match[1] && match[2]) versions.add(match[1], match[2]);
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** gradle.lockfile: `group:artifact:version=configurations`. */
export const gradleLockReader: LockReader = {
  file: 'gradle.lockfile',
  manifestKinds: ['build.gradle', 'build.gradle.kts'],
  parse(text) {
    const versions = new VersionsByName();
    for (const line of lines(text)) {
      const match = /^([^#:\s]+):([^:\s]+):([^=\s]+)=/.exec(line);
      if (match?.[1] && match[2] && match[3]) versions.add(`${match[1]}:${match[2]}`, match[3]);
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** pubspec.lock (YAML): `packages: { name: { version: "1.2.3" } }`. */
export const pubspecLockReader: LockReader = {
  file: 'pubspec.lock',
  manifestKinds: ['pubspec.yaml'],
  parse(text) {
    const packages = asRecord(at(must(parseYamlText(text), 'pubspec.lock'), 'packages')) ?? {};
    return { version: (dep) => asString(at(packages[dep.name], 'version')) };
  },
};
