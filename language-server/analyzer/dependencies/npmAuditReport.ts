/**
 * Reads the JSON `npm audit --json` prints (npm 7 and later, `auditReportVersion: 2`): the `vulnerabilities` map
 * on success, or one of npm's two error shapes. Pure: the caller runs npm and maps the result to findings.
 */
import { asRecord, asString, asStrings, isRecord } from '../../scanner/ecosystems/values';

export interface AuditAdvisory {
  title: string;
  /** The advisory page (GitHub advisory database); empty when npm gave none. */
  url: string;
  severity: string;
  /** The vulnerable range of the advisory, e.g. `<4.17.21`. */
  range: string;
  cwe: string[];
}

export type AuditFix =
  | { available: false }
  | { available: true; package?: string; version?: string; semverMajor: boolean };

export interface AuditVulnerability {
  name: string;
  severity: string;
  isDirect: boolean;
  /** Advisories against this package itself. */
  advisories: AuditAdvisory[];
  /** Packages it is vulnerable through (npm's metavulnerabilities: "depends on vulnerable versions of X"). */
  through: string[];
  /** Vulnerable range over the installed versions, as npm simplified it. */
  range: string;
  /** Lockfile locations (`node_modules/a/node_modules/b`) of the affected installs. */
  nodes: string[];
  fix: AuditFix;
}

export type AuditReport = { ok: true; vulnerabilities: AuditVulnerability[]; malformed: number } | { ok: false; reason: string };

/** Parses npm's stdout; never throws. */
export function parseNpmAudit(stdout: string, exitCode: number | null): AuditReport {
  const doc = jsonObject(stdout);
  if (!doc) return { ok: false, reason: noJsonReason(stdout, exitCode) };
  const problem = errorReason(doc);
  if (problem) return { ok: false, reason: problem };
  if (isRecord(doc.advisories) && !isRecord(doc.vulnerabilities)) {
    return { ok: false, reason: 'npm printed the npm 6 audit format (`advisories`), which is not read: npm 7 or later is needed.' };
  }
  const map = asRecord(doc.vulnerabilities);
  if (!map) return { ok: false, reason: 'npm audit printed JSON without a `vulnerabilities` map, so its result could not be read.' };
  const vulnerabilities: AuditVulnerability[] = [];
  let malformed = 0;
  for (const [name, entry] of Object.entries(map)) {
    const vuln = readVulnerability(name, entry);
    if (vuln) vulnerabilities.push(vuln);
    else malformed++;
  }
  return { ok: true, vulnerabilities, malformed };
}

/** The object in stdout; npm prints only JSON with --json, but a wrapper script may add a line around it. */
function jsonObject(stdout: string): Record<string, unknown> | undefined {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    const value: unknown = JSON.parse(stdout.slice(start, end + 1));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function noJsonReason(stdout: string, exitCode: number | null): string {
  const first = stdout.trim().split('\n')[0]?.slice(0, 120);
  const code = exitCode === null ? '' : ` (exit code ${exitCode})`;
  return first ? `npm audit did not print JSON${code}; it began: "${first}"` : `npm audit printed nothing${code}.`;
}

/**
 * npm's failures: `{error: {code, summary, detail}}` for its own errors (ENOLOCK, a lockfile it cannot load),
 * and `{message, statusCode?, uri, error}` when the registry's audit endpoint failed or could not be reached.
 */
function errorReason(doc: Record<string, unknown>): string | undefined {
  const error = asRecord(doc.error);
  const message = asString(doc.message);
  if (message) {
    const status = typeof doc.statusCode === 'number' ? ` (HTTP ${doc.statusCode})` : '';
    return `the registry's audit endpoint could not be used${status}: ${message}`;
  }
  if (!error) return undefined;
  const code = asString(error.code);
  const summary = asString(error.summary)?.trim() || asString(error.detail)?.trim() || 'no details';
  return `npm audit failed${code ? ` (${code})` : ''}: ${summary}`;
}

function readVulnerability(name: string, entry: unknown): AuditVulnerability | undefined {
  if (!isRecord(entry) || !Array.isArray(entry.via)) return undefined;
  const advisories = entry.via.filter(isRecord).map(readAdvisory);
  const through = asStrings(entry.via);
  return {
    name: asString(entry.name) ?? name,
    severity: asString(entry.severity) ?? 'unknown',
    isDirect: entry.isDirect === true,
    advisories,
    through,
    range: asString(entry.range) ?? '*',
    nodes: asStrings(entry.nodes),
    fix: readFix(entry.fixAvailable),
  };
}

function readAdvisory(via: Record<string, unknown>): AuditAdvisory {
  return {
    title: asString(via.title) ?? 'untitled advisory',
    url: asString(via.url) ?? '',
    severity: asString(via.severity) ?? 'unknown',
    range: asString(via.range) ?? '*',
    cwe: asStrings(via.cwe),
  };
}

/** `true` (a compatible update), `false`, or `{name, version, isSemVerMajor}` (an update that needs --force). */
function readFix(value: unknown): AuditFix {
  if (value === true) return { available: true, semverMajor: false };
  if (!isRecord(value)) return { available: false };
  const target = { package: asString(value.name), version: asString(value.version) };
  return { available: true, ...target, semverMajor: value.isSemVerMajor === true };
}
