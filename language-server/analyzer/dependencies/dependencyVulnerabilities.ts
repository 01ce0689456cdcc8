/**
 * Both sources for one project, as the analyzer wants them: npm audit when allowed (it sends the dependency list
 * to the registry), the OSV file when one is configured, and one finding per advisory when both report it.
 */
import type { AnalyzerFinding } from '../types';
import type { DependencyScan } from './dependencyRules';
import { npmAuditFindings } from './npmAudit';
import type { NpmAuditOptions } from './npmAudit';
import { osvFindings } from './osvFindings';

export interface DependencyVulnerabilityOptions extends NpmAuditOptions {
  /** Ask the npm registry (`npm audit`). */
  npmAudit: boolean;
  /** The configured OSV database file or folder; none: no OSV check. */
  osvDbPath?: string;
}

export async function dependencyVulnerabilityFindings(projectDir: string, options: DependencyVulnerabilityOptions): Promise<DependencyScan> {
  const none: DependencyScan = { findings: [], notes: [] };
  const [npm, osv] = await Promise.all([
    options.npmAudit ? npmAuditFindings(projectDir, options) : none,
    options.osvDbPath ? osvFindings(projectDir, options.osvDbPath, options.signal ? { signal: options.signal } : {}) : none,
  ]);
  return { findings: mergeSources(npm.findings, osv.findings), notes: [...new Set([...npm.notes, ...osv.notes])] };
}

/**
 * Drops an OSV finding that npm audit also made (same package, and the OSV id or one of its aliases is npm's
 * GHSA id), marking npm's finding `alsoIn: 'osv'`: one problem, one diagnostic, both sources named.
 */
export function mergeSources(npm: readonly AnalyzerFinding[], osv: readonly AnalyzerFinding[]): AnalyzerFinding[] {
  // Copies: the caller's findings are not changed by the marking below.
  const merged = npm.map((f) => ({ ...f, data: { ...f.data } }));
  const byKey = new Map(merged.filter((f) => f.data.advisoryId).map((f) => [`${f.data.dependency}\0${f.data.advisoryId}`, f]));
  const kept: AnalyzerFinding[] = [];
  for (const f of osv) {
    const same = osvIds(f).map((id) => byKey.get(`${f.data?.dependency}\0${id}`)).find((x) => x !== undefined);
    if (same) same.data.alsoIn = 'osv';
    else kept.push(f);
  }
  return [...merged, ...kept];
}

function osvIds(f: AnalyzerFinding): string[] {
  const aliases = String(f.data?.aliases ?? '').split(', ').filter((a) => a !== '');
  return [String(f.data?.advisoryId ?? ''), ...aliases];
}
