/**
 * Masking of secrets in command lines before they leave the engine (the tree, the log, the store). It errs on
 * the side of masking: a masked file path costs little, a leaked token costs a lot.
 */

const MASK = '****';
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase']);
const SECRET_WORDS = new Set([
  ...PASSWORD_WORDS, 'secret', 'secrets', 'token', 'tokens', 'auth', 'credential', 'credentials', 'cookie',
  'signature', 'sig', 'apikey', 'accesskey', 'privatekey', 'key', 'pat', 'jwt',
]);
/** A flag naming where a secret lives (`--password-file`) or what kind it is (`--auth-type`) holds no secret. */
const HARMLESS_LAST = new Set(['file', 'path', 'dir', 'type', 'mode', 'method', 'url', 'uri', 'host', 'port', 'user', 'name', 'id', 'env']);
/** Env-style names that look secret but are not (the working folder). */
const NOT_SECRET_ENV = new Set(['PWD', 'OLDPWD']);

/** `apiKey`, `API_KEY`, `api-key` → ['api', 'key']. */
function words(name: string): string[] {
  return name
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

type Kind = 'password' | 'secret' | null;

export function secretKind(name: string): Kind {
  const w = words(name);
  const last = w.at(-1);
  if (!last || HARMLESS_LAST.has(last)) return null;
  const joined = w.join('');
  // Run-together names (`requirepass`, `authtoken`) count by how they end: `tokenizer` is not a token.
  if (w.some((x) => PASSWORD_WORDS.has(x)) || /(password|passwd|pass|passphrase)$/.test(joined)) return 'password';
  if (w.some((x) => SECRET_WORDS.has(x)) || /(apikey|accesskey|privatekey|secretkey|secret|token|credentials?)$/.test(joined)) return 'secret';
  return null;
}

/** Tokens keep four characters when long enough to tell two apart (`abcd****`); passwords keep none. */
function masked(value: string, kind: Kind): string {
  if (value === MASK || value.endsWith(MASK)) return value;
  return kind === 'secret' && value.length >= 8 ? `${value.slice(0, 4)}${MASK}` : MASK;
}

const VALUE = String.raw`[^\s'"]+`;
const RULES: Array<{ re: RegExp; apply: (m: string[]) => string | null }> = [
  // scheme://user:pass@host
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/'"]*):([^\s@/'"]+)@/gi, apply: (m) => `${m[1]}:${MASK}@` },
  // --token=value, -token=value
  { re: new RegExp(String.raw`(^|\s|['"])(--?[A-Za-z][\w.-]*)=(${VALUE})`, 'g'), apply: (m) => withValue(m, 2, '=') },
  // --password value (the value is the next word, unless it is itself a flag)
  { re: /(^|\s|['"])(--?[A-Za-z][\w.-]*)(\s+['"]?)([^\s'"-][^\s'"]*)/g, apply: (m) => withValue(m, 2, m[3] ?? ' ') },
  // KEY=value, as in `env API_TOKEN=... node app`
  { re: new RegExp(String.raw`(^|\s|['"])([A-Za-z_][A-Za-z0-9_]*)=(${VALUE})`, 'g'), apply: (m) => (NOT_SECRET_ENV.has(m[2] ?? '') ? null : withValue(m, 2, '=')) },
  // ?token=...&api_key=... inside URLs
  { re: /([?&])([\w.-]+)=([^&\s'"#]+)/g, apply: (m) => { const kind = secretKind(m[2] ?? ''); return kind ? `${m[1]}${m[2]}=${masked(m[3] ?? '', kind)}` : null; } },
  // Authorization: Bearer <token>
  { re: /\b(Bearer|Basic)(\s+)([^\s'"]{8,})/g, apply: (m) => `${m[1]}${m[2]}${masked(m[3] ?? '', 'secret')}` },
];

function withValue(m: string[], nameAt: number, between: string): string | null {
  const name = m[nameAt] ?? '';
  const kind = secretKind(name);
  const value = m[m.length - 1] ?? '';
  return kind ? `${m[1]}${name}${between}${masked(value, kind)}` : null;
}

/**
 * Joins an argument vector the way a shell would accept it back (arguments with spaces or quotes are
 * single-quoted), or takes a line as is, and masks secret-looking values.
 */
export function maskCommandLine(command: string | readonly string[]): string {
  let line = typeof command === 'string' ? command : joinArgs(command);
  for (const rule of RULES) {
    line = line.replace(rule.re, (...groups: unknown[]) => {
      const m = groups.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''));
      return rule.apply(m) ?? (m[0] as string);
    });
  }
  return line;
}

export function joinArgs(argv: readonly string[]): string {
  return argv.map((a) => (a === '' ? "''" : /[\s'"\\$`]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}
