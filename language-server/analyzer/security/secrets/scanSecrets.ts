import type { AnalyzerFinding, SourceInput } from '../../types';
import { DATABASE_URL_PATTERN } from './databaseUrlPattern';
import { genericCandidates } from './genericSecrets';
import { JWT_PATTERN } from './jwtPattern';
import { LineIndex } from '../lineIndex';
import { privateKeyCandidates } from './privateKeys';
import { PROVIDER_PATTERNS } from './providerPatterns';
import { patternCandidates } from './providerScan';
import { quotedLiteralAround } from './quotedLiteral';
import type { SecretCandidate } from './secretCandidate';
import { isConfigFile, isFixturePath, skipReason } from './secretFiles';
import { EMPTY_BASELINE, secretFingerprint, withoutBaselined, type SecretsBaseline } from './secretsBaseline';
import { secretRule } from './secretRules';
import { withoutSuppressed } from '../suppressions';

export interface SecretScanOptions {
  /** Fingerprints accepted in `.optimus/secrets-baseline.json` (see `loadSecretsBaseline`). */
  baseline?: SecretsBaseline;
  /** The project's root: test/example folders are recognised below it only (without it, anywhere in the path). */
  projectDir?: string;
}

/**
 * Hard-coded secrets in any text file. In tests, fixtures, examples and docs the generic guess and JWTs are off
 * and errors become warnings. Findings name the kind and where it is; `data` carries the suggested
 * environment variable (`envName`), the secret's offsets (`start`, `end`), the quoted literal's offsets when it
 * sits in one (`literalStart`, `literalEnd`), whether the whole literal should move (`moveWhole`) and the baseline
 * `fingerprint`. Nothing in a finding holds the secret.
 */
export function scanSecrets(input: SourceInput, options: SecretScanOptions = {}): AnalyzerFinding[] {
  const { path, text } = input;
  if (skipReason(path, text)) return [];
  const fixture = isFixturePath(path, options.projectDir);
  // most specific first: a generic `token = "..."` match over a GitHub token is the same secret, reported once
  const candidates = [
    ...patternCandidates(text, PROVIDER_PATTERNS),
    ...privateKeyCandidates(text),
    ...patternCandidates(text, [DATABASE_URL_PATTERN, ...(fixture ? [] : [JWT_PATTERN])]),
    ...(fixture ? [] : genericCandidates(text, isConfigFile(path))),
  ];
  const lines = new LineIndex(text);
  const kept = withoutOverlaps(candidates).map((c) => (fixture ? asFixture(c) : c));
  const findings = kept.map((c) => toFinding(c, path, text, lines));
  return withoutBaselined(withoutSuppressed(text, findings), options.baseline ?? EMPTY_BASELINE);
}

/** A real-looking key in a test or example is reported, but it is rarely live: a warning, not an error. */
function asFixture(c: SecretCandidate): SecretCandidate {
  if (c.severity !== 'error') return c;
  return { ...c, severity: 'warning', note: [c.note, 'in a test or example file'].filter(Boolean).join(', ') };
}

/**
 * One candidate per overlapping range, the most specific winning (candidates come in priority order: providers
 * before the generic guess), sorted by position. A sort and one sweep: data files full of token-like values
 * must not cost quadratic time.
 */
function withoutOverlaps(candidates: readonly SecretCandidate[]): SecretCandidate[] {
  const ranked = candidates.map((c, priority) => ({ c, priority })).sort((a, b) => a.c.start - b.c.start || a.priority - b.priority);
  const kept: typeof ranked = [];
  for (const item of ranked) {
    const last = kept[kept.length - 1];
    if (!last || last.c.end <= item.c.start) kept.push(item);
    // ranges before `last` end before it starts, hence before `item` starts: replacing it overlaps nothing
    else if (item.priority < last.priority) kept[kept.length - 1] = item;
  }
  return kept.map((k) => k.c);
}

function toFinding(c: SecretCandidate, path: string, text: string, lines: LineIndex): AnalyzerFinding {
  const rule = secretRule(c.ruleId);
  const from = lines.position(c.start);
  const to = lines.position(c.end);
  const literal = quotedLiteralAround(text, c.start, c.end);
  const why = c.note ? ` (${c.note})` : '';
  return {
    ruleId: c.ruleId, category: 'security', severity: c.severity, path,
    line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
    message: `${rule.title} ${c.shown} is written in the code${why}: move it to the environment (${c.envName})${c.severity === 'error' ? ' and rotate it' : ''}`,
    data: {
      envName: c.envName, start: c.start, end: c.end, moveWhole: c.moveWhole ?? false, fingerprint: secretFingerprint(c.ruleId, c.value),
      ...(literal ? { literalStart: literal.start, literalEnd: literal.end } : {}),
    },
  };
}
