import { languageOf } from '../../source';
import type { AnalyzerFinding, TextEdit } from '../../types';
import { appendLine, dotenvValue, envNameIn, gitignoreWithEnv } from './envFileText';
import { osImportEdit, pythonLiteralAt } from './pythonLiteral';
import { scriptLiteralAt } from './scriptLiteral';
import { secretRule } from '../secrets/secretRules';
import { secretFingerprint } from '../secrets/secretsBaseline';

export interface MoveToEnvInput {
  /** The file the finding is in, and its current text (the finding's offsets point into it). */
  path: string;
  text: string;
  finding: AnalyzerFinding;
  /** The project's current `.env` and `.gitignore`; null when the file does not exist. */
  envText: string | null;
  gitignoreText: string | null;
}

export interface MoveToEnvPlan {
  /** For the code action's menu; names the kind and the variable, never the value. */
  title: string;
  envName: string;
  /** Edits to the finding's file, in order, not overlapping. */
  edits: TextEdit[];
  /** The whole new `.env` text; null when it already holds this value under `envName`. */
  envText: string | null;
  /** The whole new `.gitignore` text; null when `.env` is already ignored. */
  gitignoreText: string | null;
}

export type MoveToEnvResult = { ok: true; plan: MoveToEnvPlan } | { ok: false; reason: string };

/** The value .env gets, and the edits that read it back once its name is settled (names may clash). */
interface Replacement {
  value: string;
  edits: (name: string) => TextEdit[];
}

/**
 * Plans "move this secret to .env": the literal becomes `process.env.NAME` (JS/TS) or `os.environ["NAME"]`
 * (Python), `NAME=value` is appended to .env under a name that clashes with nothing, and `.env` goes into
 * .gitignore. Pure: it returns the texts, the caller writes them (through the orchestrator's action path).
 */
export function planMoveToEnv(input: MoveToEnvInput): MoveToEnvResult {
  const range = secretRange(input);
  if (typeof range === 'string') return { ok: false, reason: range };
  const language = languageOf(input.path);
  if (language !== 'javascript' && language !== 'typescript' && language !== 'python') return { ok: false, reason: 'only JavaScript, TypeScript and Python files can read the secret from the environment' };
  const base = typeof input.finding.data?.envName === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(input.finding.data.envName) ? input.finding.data.envName : 'SECRET';
  const wanted = language === 'python' ? pythonReplacement(input.text, range) : scriptReplacement(input, range);
  if (typeof wanted === 'string') return { ok: false, reason: wanted };
  const { name, reused } = envNameIn(input.envText, base, wanted.value);
  const line = dotenvValue(wanted.value);
  if (line === null) return { ok: false, reason: 'the value mixes quotes, backslashes and line breaks that .env loaders read differently' };
  return {
    ok: true,
    plan: {
      title: `Move this ${secretRule(input.finding.ruleId).title} to .env as ${name}`, envName: name, edits: wanted.edits(name),
      envText: reused ? null : appendLine(input.envText, `${name}=${line}`), gitignoreText: gitignoreWithEnv(input.gitignoreText),
    },
  };
}

interface SecretRange {
  start: number;
  end: number;
  moveWhole: boolean;
}

/** Where the secret is; the fingerprint proves the text there is still the secret that was found. */
function secretRange({ finding, text }: MoveToEnvInput): SecretRange | string {
  const { start, end, moveWhole, fingerprint } = finding.data ?? {};
  if (!finding.ruleId.startsWith('secret/')) return 'only secret findings can be moved to .env';
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > text.length || start >= end) return 'the finding does not say where the secret is (analyze the file again)';
  if (typeof fingerprint === 'string' && secretFingerprint(finding.ruleId, text.slice(start, end)) !== fingerprint) return 'the file changed since it was analyzed (analyze it again)';
  return { start, end, moveWhole: moveWhole === true };
}

function scriptReplacement(input: MoveToEnvInput, range: SecretRange): Replacement | string {
  const literal = scriptLiteralAt(input.path, input.text, range.start, range.end);
  if (typeof literal === 'string') return literal;
  const ref = (name: string): string => `process.env.${name}`;
  const whole = range.moveWhole || (range.start === literal.contentStart && range.end === literal.contentEnd);
  if (whole) {
    if (literal.cooked === null) return 'the literal is built with ${...} substitutions; move the parts by hand';
    return { value: literal.cooked, edits: (name) => [{ start: literal.start, end: literal.end, text: literal.inJsxAttribute ? `{${ref(name)}}` : ref(name) }] };
  }
  const secret = input.text.slice(range.start, range.end);
  if (secret.includes('\\')) return 'the secret is written with escape sequences; move it by hand';
  if (literal.kind === 'template') return { value: secret, edits: (name) => [{ start: range.start, end: range.end, text: `\${${ref(name)}}` }] };
  // a string with the secret in the middle (`"Bearer sk-..."`) becomes a template around the variable
  const before = asTemplateText(input.text.slice(literal.contentStart, range.start));
  const after = asTemplateText(input.text.slice(range.end, literal.contentEnd));
  const template = (name: string): string => `\`${before}\${${ref(name)}}${after}\``;
  return { value: secret, edits: (name) => [{ start: literal.start, end: literal.end, text: literal.inJsxAttribute ? `{${template(name)}}` : template(name) }] };
}

/**
 * The characters of a quoted string written inside a template: escape sequences carry over as they are, a bare
 * backtick or `${` would end the template or start a substitution, so they get a backslash.
 */
function asTemplateText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charAt(i);
    if (char === '\\') out += char + raw.charAt(++i);
    else if (char === '`' || (char === '$' && raw.charAt(i + 1) === '{')) out += `\\${char}`;
    else out += char;
  }
  return out;
}

function pythonReplacement(text: string, range: SecretRange): Replacement | string {
  const literal = pythonLiteralAt(text, range.start, range.end);
  if (typeof literal === 'string') return literal;
  const ref = (name: string): string => `os.environ["${name}"]`;
  const importOs = osImportEdit(text);
  const withImport = (edit: TextEdit): TextEdit[] => (importOs ? [importOs, edit] : [edit]);
  if (range.moveWhole || (range.start === literal.contentStart && range.end === literal.contentEnd)) {
    return { value: literal.cooked, edits: (name) => withImport({ start: literal.start, end: literal.end, text: ref(name) }) };
  }
  if (/f/i.test(literal.prefix)) return 'the secret is part of an f-string; move it by hand';
  const secret = text.slice(range.start, range.end);
  if (secret.includes('\\')) return 'the secret is written with escape sequences; move it by hand';
  const piece = (from: number, to: number): string[] => (from < to ? [`${literal.prefix}${literal.quote}${text.slice(from, to)}${literal.quote}`] : []);
  const joined = (name: string): string => [...piece(literal.contentStart, range.start), ref(name), ...piece(range.end, literal.contentEnd)].join(' + ');
  return { value: secret, edits: (name) => withImport({ start: literal.start, end: literal.end, text: `(${joined(name)})` }) };
}
