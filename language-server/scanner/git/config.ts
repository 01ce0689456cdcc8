/**
 * Just enough of git's config syntax to read remotes and upstreams without starting git: sections, quoted
 * subsections, the legacy `[section.sub]` form, quoting, escapes, comments and continuation lines.
 * `include`/`includeIf` are not followed: remotes and branches practically always live in the repo's own file.
 */

export interface ConfigEntry {
  /** Lowercase: git section names are case-insensitive. */
  section: string;
  /** As written: subsections are case-sensitive (except in the legacy dotted form, which git lowercases). */
  subsection: string | null;
  /** Lowercase. */
  key: string;
  /** null for a bare `key` line, which git reads as boolean true. */
  value: string | null;
}

interface Cursor {
  text: string;
  pos: number;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '\\': '\\', '"': '"' };

export function parseGitConfig(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const cur: Cursor = { text, pos: 0 };
  let section: { name: string; sub: string | null } | null = null;
  while (cur.pos < text.length) {
    const ch = text[cur.pos] ?? '';
    if (/\s/.test(ch)) cur.pos++;
    else if (ch === '[') section = parseHeader(cur);
    else if (/[A-Za-z]/.test(ch) && section) {
      const entry = parseEntry(cur);
      if (entry) entries.push({ section: section.name, subsection: section.sub, ...entry });
    } else skipLine(cur);
  }
  return entries;
}

function skipLine(cur: Cursor): void {
  const nl = cur.text.indexOf('\n', cur.pos);
  cur.pos = nl === -1 ? cur.text.length : nl + 1;
}

/** Parses `[name]`, `[name "sub"]` or `[name.sub]`; a malformed header drops the line and leaves no section. */
function parseHeader(cur: Cursor): { name: string; sub: string | null } | null {
  const nl = cur.text.indexOf('\n', cur.pos);
  const line = cur.text.slice(cur.pos, nl === -1 ? undefined : nl);
  const m = /^\[([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\]/.exec(line);
  if (!m || !m[1]) {
    skipLine(cur);
    return null;
  }
  cur.pos += m[0].length;
  const name = m[1];
  if (m[2] !== undefined) return { name: name.toLowerCase(), sub: m[2].replace(/\\(.)/g, '$1') };
  const dot = name.indexOf('.');
  if (dot === -1) return { name: name.toLowerCase(), sub: null };
  return { name: name.slice(0, dot).toLowerCase(), sub: name.slice(dot + 1).toLowerCase() };
}

function parseEntry(cur: Cursor): { key: string; value: string | null } | null {
  const m = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*/.exec(cur.text.slice(cur.pos, cur.pos + 256));
  if (!m || !m[1]) return null;
  cur.pos += m[0].length;
  const next = cur.text[cur.pos];
  if (next === '=') {
    cur.pos++;
    return { key: m[1].toLowerCase(), value: parseValue(cur) };
  }
  if (next === undefined || next === '\n' || next === '\r' || next === '#' || next === ';') {
    skipLine(cur);
    return { key: m[1].toLowerCase(), value: null };
  }
  skipLine(cur);
  return null;
}

/** Reads a value up to the end of its (possibly continued) line; whitespace outside quotes is trimmed at both ends. */
function parseValue(cur: Cursor): string {
  const { text } = cur;
  let out = '';
  let pendingSpace = '';
  let quoted = false;
  while (cur.pos < text.length && (text[cur.pos] === ' ' || text[cur.pos] === '\t')) cur.pos++;
  while (cur.pos < text.length) {
    const ch = text[cur.pos] as string;
    if (ch === '\n' || (ch === '\r' && text[cur.pos + 1] === '\n')) break;
    if (!quoted && (ch === '#' || ch === ';')) break;
    cur.pos++;
    if (ch === '\\') {
      const esc = text[cur.pos] ?? '';
      cur.pos += esc === '\r' && text[cur.pos + 1] === '\n' ? 2 : 1;
      if (esc === '\n' || esc === '\r') continue;
      out += pendingSpace + (ESCAPES[esc] ?? '');
      pendingSpace = '';
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ' ' || ch === '\t')) pendingSpace += ch;
    else {
      out += pendingSpace + ch;
      pendingSpace = '';
    }
  }
  skipLine(cur);
  return out;
}

/** Git config is last-one-wins. */
function lastValue(entries: readonly ConfigEntry[], section: string, sub: string, key: string): string | null {
  let value: string | null = null;
  for (const e of entries) if (e.section === section && e.subsection === sub && e.key === key && e.value !== null) value = e.value;
  return value;
}

/** The URL of `origin`, else of the first remote that has one, without credentials. */
export function remoteUrl(entries: readonly ConfigEntry[]): string | null {
  const origin = lastValue(entries, 'remote', 'origin', 'url');
  const first = entries.find((e) => e.section === 'remote' && e.key === 'url' && e.value !== null)?.value ?? null;
  const url = origin ?? first;
  return url === null ? null : redactUrl(url);
}

/** The upstream as `git status` names it (`origin/main`, or `main` for a local upstream). Ignores fetch refspecs. */
export function upstreamOf(entries: readonly ConfigEntry[], branch: string): string | null {
  const remote = lastValue(entries, 'branch', branch, 'remote');
  const merge = lastValue(entries, 'branch', branch, 'merge');
  if (!remote || !merge) return null;
  const short = merge.startsWith('refs/heads/') ? merge.slice('refs/heads/'.length) : merge;
  return remote === '.' ? short : `${remote}/${short}`;
}

/**
 * Remote URLs end up in the store and the UI, and https URLs often carry a token as user or password: those
 * are dropped. An ssh user name (`git@`) is not a secret and is kept; an ssh password is dropped.
 */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^@/?#]*)@/i.exec(url);
  if (!m || m[1] === undefined || m[2] === undefined) return url;
  const scheme = m[1].toLowerCase();
  const rest = url.slice(m[0].length);
  if (scheme === 'ssh' || scheme === 'git+ssh' || scheme === 'ssh+git') {
    const user = m[2].split(':')[0] ?? '';
    return `${m[1]}://${user ? `${user}@` : ''}${rest}`;
  }
  return `${m[1]}://${rest}`;
}
