import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnalyzerFinding } from '../../types';
import { BASELINE_PATH } from './secretFiles';

/**
 * The per-project list of secrets someone has looked at and accepted (`.optimus/secrets-baseline.json`). It holds
 * fingerprints, never values, so committing it leaks nothing a brute force could not already try on the code.
 *
 *   { "version": 1, "secrets": [{ "fingerprint": "<sha256 hex>", "ruleId": "secret/jwt", "path": "src/a.ts", "line": 3 }] }
 *
 * A fingerprint is the value's identity: the same secret moved to another line or file stays accepted; a new one is not.
 */
export interface SecretsBaseline {
  fingerprints: ReadonlySet<string>;
  /** Why the file could not be used (it then accepts nothing); names the file, never quotes it. */
  problem?: string;
}

interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
}

export const EMPTY_BASELINE: SecretsBaseline = { fingerprints: new Set() };
const MAX_BASELINE_BYTES = 5 * 1024 * 1024;
const FINGERPRINT = /^[0-9a-f]{64}$/;

/** sha256 of the rule id and the value, separated so `a` + `bc` and `ab` + `c` differ. */
export function secretFingerprint(ruleId: string, value: string): string {
  return createHash('sha256').update(ruleId).update('\u0000').update(value).digest('hex');
}

export function secretsBaselinePath(projectDir: string): string {
  return path.join(projectDir, BASELINE_PATH);
}

export function parseSecretsBaseline(text: string): SecretsBaseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { fingerprints: new Set(), problem: `${BASELINE_PATH} is not valid JSON, so no secret is treated as accepted` };
  }
  const secrets = (parsed as { secrets?: unknown } | null)?.secrets;
  if (!Array.isArray(secrets)) return { fingerprints: new Set(), problem: `${BASELINE_PATH} has no "secrets" list, so no secret is treated as accepted` };
  const fingerprints = secrets.map((s: unknown) => (s as { fingerprint?: unknown } | null)?.fingerprint).filter((f): f is string => typeof f === 'string' && FINGERPRINT.test(f));
  const skipped = secrets.length - fingerprints.length;
  return { fingerprints: new Set(fingerprints), ...(skipped > 0 ? { problem: `${BASELINE_PATH}: ${skipped} entries without a sha256 fingerprint were ignored` } : {}) };
}

/** A missing file is an empty baseline; an unreadable or malformed one is empty with a problem. */
export async function loadSecretsBaseline(projectDir: string): Promise<SecretsBaseline> {
  let text: string;
  try {
    const bytes = await readFile(secretsBaselinePath(projectDir));
    if (bytes.length > MAX_BASELINE_BYTES) return { fingerprints: new Set(), problem: `${BASELINE_PATH} is over 5 MB, so it was not read` };
    text = bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_BASELINE;
    return { fingerprints: new Set(), problem: `${BASELINE_PATH} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return parseSecretsBaseline(text);
}

/** The baseline file's text for the current secret findings (paths relative to the project, sorted for stable diffs). */
export function secretsBaselineText(findings: readonly AnalyzerFinding[], projectDir: string): string {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const fingerprint = f.data?.fingerprint;
    if (!f.ruleId.startsWith('secret/') || typeof fingerprint !== 'string' || entries.has(fingerprint)) continue;
    entries.set(fingerprint, { fingerprint, ruleId: f.ruleId, path: path.relative(projectDir, f.path).split(path.sep).join('/'), line: f.line });
  }
  const secrets = [...entries.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.fingerprint.localeCompare(b.fingerprint));
  return `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`;
}

/**
 * Writes the baseline for `findings` (replacing any previous one), through a temporary file so a crash never
 * leaves half a file. Callers go through the orchestrator's action path: this writes into the user's project.
 */
export async function writeSecretsBaseline(projectDir: string, findings: readonly AnalyzerFinding[]): Promise<string> {
  const file = secretsBaselinePath(projectDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, secretsBaselineText(findings, projectDir));
  await rename(temp, file);
  return file;
}

export function withoutBaselined(findings: AnalyzerFinding[], baseline: SecretsBaseline): AnalyzerFinding[] {
  if (baseline.fingerprints.size === 0) return findings;
  return findings.filter((f) => typeof f.data?.fingerprint !== 'string' || !baseline.fingerprints.has(f.data.fingerprint));
}
