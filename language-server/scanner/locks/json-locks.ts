import { normalisePythonName } from '../ecosystems/frameworks';
import { parseJsonText } from '../ecosystems/parse';
import { asRecord, asString, at, isRecord } from '../ecosystems/values';
import { VersionsByName, must } from './lock-reader';
import type { LockReader } from './lock-reader';

/** Pipfile.lock: `default` and `develop` map normalised names to `{ version: "==1.2.3" }`. */
export const pipfileLockReader: LockReader = {
  file: 'Pipfile.lock',
  manifestKinds: ['Pipfile'],
  parse(text) {
    const doc = must(parseJsonText(text), 'Pipfile.lock');
    const versions = new VersionsByName(normalisePythonName);
    for (const section of ['default', 'develop']) {
      for (const [name, entry] of Object.entries(asRecord(at(doc, section)) ?? {})) {
        const version = asString(at(entry, 'version'));
        if (version) versions.add(name, version.replace(/^==/, ''));
      }
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** composer.lock: `packages` and `packages-dev` lists of `{ name, version }`; names are case-insensitive. */
export const composerLockReader: LockReader = {
  file: 'composer.lock',
  manifestKinds: ['composer.json'],
  parse(text) {
    const doc = must(parseJsonText(text), 'composer.lock');
    const versions = new VersionsByName((n) => n.toLowerCase());
    for (const section of ['packages', 'packages-dev']) {
      const list = at(doc, section);
      for (const entry of (Array.isArray(list) ? list : []).filter(isRecord)) {
        const name = asString(entry.name);
        const version = asString(entry.version);
        if (name && version) versions.add(name, version);
      }
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** Package.resolved v1 (`object.pins[].repositoryURL`) and v2/v3 (`pins[].identity`); a branch pin locks a revision. */
export const swiftResolvedReader: LockReader = {
  file: 'Package.resolved',
  manifestKinds: ['Package.swift'],
  parse(text) {
    const doc = must(parseJsonText(text), 'Package.resolved');
    const pins = at(doc, 'pins') ?? at(doc, 'object', 'pins');
    const versions = new VersionsByName((n) => n.toLowerCase());
    for (const pin of (Array.isArray(pins) ? pins : []).filter(isRecord)) {
      const location = asString(pin.location) ?? asString(pin.repositoryURL) ?? '';
      const identity = asString(pin.identity) ?? location.replace(/\/+$/, '').split('/').pop()?.replace(/\.git$/, '');
      const version = asString(at(pin, 'state', 'version')) ?? asString(at(pin, 'state', 'revision'));
      if (identity && version) versions.add(identity, version);
    }
    return { version: (dep) => versions.pick(dep) };
  },
};

/** NuGet packages.lock.json: `dependencies: { <target framework>: { Name: { resolved } } }`. */
export const nugetLockReader: LockReader = {
  file: 'packages.lock.json',
  manifestKinds: ['*.csproj', '*.fsproj', '*.vbproj'],
  parse(text) {
    const doc = must(parseJsonText(text), 'packages.lock.json');
    const versions = new VersionsByName((n) => n.toLowerCase());
    for (const target of Object.values(asRecord(at(doc, 'dependencies')) ?? {})) {
      for (const [name, entry] of Object.entries(asRecord(target) ?? {})) {
        const resolved = asString(at(entry, 'resolved'));
        if (resolved) versions.add(name, resolved);
      }
    }
    return { version: (dep) => versions.pick(dep) };
  },
};
