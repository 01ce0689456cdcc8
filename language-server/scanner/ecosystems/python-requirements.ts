import type { Dependency, DependencyKind } from '../../model';
import { dependency } from './values';

/**
 * Parsers for the plain-text Python manifests: PEP 508 strings, requirements*.txt, setup.py (best effort) and
 * setup.cfg. They never throw: a line they cannot read is skipped.
 */

/** `requests[socks] >= 2.8, <3 ; python_version < "3.12"` → requests, `>= 2.8, <3`. */
export function parsePep508(spec: string, kind: DependencyKind): Dependency | undefined {
  const withoutMarker = spec.split(';')[0]?.trim() ?? '';
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(withoutMarker);
  if (!match?.[1]) return undefined;
  const rest = (match[2] ?? '').trim();
  if (rest.startsWith('@')) return dependency(match[1], `url:${rest.slice(1).trim()}`, kind);
  if (rest !== '' && !/^[(<>=!~]/.test(rest)) return undefined;
  return dependency(match[1], rest.replace(/^\((.*)\)$/, '$1'), kind);
}

export function pep508List(specs: unknown, kind: DependencyKind): Dependency[] {
  if (!Array.isArray(specs)) return [];
  return specs.flatMap((s) => (typeof s === 'string' ? (parsePep508(s, kind) ?? []) : []));
}

/** Dev, test, lint, docs and CI requirement files hold tooling, not what the project needs to run. */
export function requirementsKind(fileName: string): DependencyKind {
  return /(^|[-_.])(dev|devel|test|tests|testing|lint|docs?|ci)([-_.]|$)/i.test(fileName) ? 'dev' : 'runtime';
}

export function parseRequirements(text: string, kind: DependencyKind): Dependency[] {
  return joinContinuations(text).flatMap((raw) => {
    const line = raw.replace(/(^|\s)#.*$/, '').replace(/\s--?[a-z][\w-]*(=\S+)?/gi, '').trim();
    if (line === '' || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line) || line.startsWith('.')) return [];
    return parsePep508(line, kind) ?? [];
  });
}

function joinContinuations(text: string): string[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
}

/** setup.py is code; this reads the literal lists passed to setup() and ignores anything computed. */
export function parseSetupPy(text: string): Dependency[] {
  return [
    ...quotedIn(listAfter(text, 'install_requires')).flatMap((s) => parsePep508(s, 'runtime') ?? []),
    ...quotedIn(listAfter(text, 'tests_require')).flatMap((s) => parsePep508(s, 'dev') ?? []),
    ...quotedIn(listAfter(text, 'setup_requires')).flatMap((s) => parsePep508(s, 'build') ?? []),
    ...extrasIn(text).flatMap((s) => parsePep508(s, 'optional') ?? []),
  ];
}

function listAfter(text: string, keyword: string): string {
  return new RegExp(`${keyword}\\s*=\\s*\\[([^\\]]*)\\]`).exec(text)?.[1] ?? '';
}

function extrasIn(text: string): string[] {
  const body = /extras_require\s*=\s*\{([\s\S]*?)\}\s*[,)]/.exec(text)?.[1] ?? '';
  return [...body.matchAll(/\[([^\]]*)\]/g)].flatMap((m) => quotedIn(m[1] ?? ''));
}

function quotedIn(text: string): string[] {
  return [...text.matchAll(/(["'])(.*?)\1/g)].map((m) => m[2] ?? '').filter((s) => s !== '');
}

/** setup.cfg: `[options] install_requires =` and `[options.extras_require]`, one requirement per indented line. */
export function parseSetupCfg(text: string): Dependency[] {
  const out: Dependency[] = [];
  for (const { section, key, values } of iniEntries(text)) {
    const kind: DependencyKind | undefined = section === 'options.extras_require' ? 'optional'
      : section === 'options' && key === 'install_requires' ? 'runtime'
      : section === 'options' && key === 'tests_require' ? 'dev'
      : section === 'options' && key === 'setup_requires' ? 'build' : undefined;
    if (kind) out.push(...values.flatMap((v) => parsePep508(v, kind) ?? []));
  }
  return out;
}

function iniEntries(text: string): { section: string; key: string; values: string[] }[] {
  const entries: { section: string; key: string; values: string[] }[] = [];
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    const assignment = /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(line);
    const last = entries[entries.length - 1];
    if (header?.[1]) section = header[1].trim();
    else if (assignment?.[1]) entries.push({ section, key: assignment[1], values: assignment[2]?.trim() ? [assignment[2].trim()] : [] });
    else if (/^\s/.test(line) && last) last.values.push(line.trim());
  }
  return entries;
}
