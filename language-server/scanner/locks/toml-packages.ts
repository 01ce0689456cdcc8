import { parseTomlText } from '../ecosystems/parse';
import { normalisePythonName } from '../ecosystems/frameworks';
import { asString, isRecord } from '../ecosystems/values';
import { VersionsByName, must } from './lock-reader';
import type { LockReader } from './lock-reader';

/** Lockfiles that are TOML with one `[[package]]` table (name, version) per locked package. */
function tomlPackagesReader(file: string, manifestKinds: readonly string[], normalise?: (name: string) => string): LockReader {
  return {
    file,
    manifestKinds,
    parse(text) {
      const doc = must(parseTomlText(text), file);
      const versions = new VersionsByName(normalise);
      const packages = Array.isArray(doc.package) ? doc.package : [];
      for (const entry of packages.filter(isRecord)) {
        const name = asString(entry.name);
        const version = asString(entry.version);
        if (name && version) versions.add(name, version);
      }
      return { version: (dep) => versions.pick(dep) };
    },
  };
}

export const cargoLockReader = tomlPackagesReader('Cargo.lock', ['Cargo.toml']);
export const poetryLockReader = tomlPackagesReader('poetry.lock', ['pyproject.toml'], normalisePythonName);
export const uvLockReader = tomlPackagesReader('uv.lock', ['pyproject.toml'], normalisePythonName);
export const pdmLockReader = tomlPackagesReader('pdm.lock', ['pyproject.toml'], normalisePythonName);
