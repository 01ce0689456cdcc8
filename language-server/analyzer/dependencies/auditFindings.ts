/** Turns npm audit's vulnerabilities into findings: one per advisory, on the line of the install it affects. */
import type { AnalyzerFinding } from '../types';
import type { DependencyPlaces } from './dependencyPlaces';
import { VULNERABLE_DEPENDENCY } from './dependencyRules';
import type { AuditAdvisory, AuditFix, AuditVulnerability } from './npmAuditReport';
import type { LockNode, NpmLockfile } from './npmLockfile';
import { inSimpleRange } from './simpleRange';
import { advisorySeverity } from './vulnerabilitySeverity';

export function auditFindings(vulnerabilities: readonly AuditVulnerability[], lock: NpmLockfile, places: DependencyPlaces): AnalyzerFinding[] {
  return vulnerabilities.flatMap((vuln) => {
    const nodes = vuln.nodes.map((location) => lock.nodes.get(location)).filter((n): n is LockNode => n !== undefined);
    // A package vulnerable only through its dependencies still gets a finding: upgrading it is often the fix.
    const advisories = vuln.advisories.length > 0 ? mergeByUrl(vuln.advisories) : [throughAdvisory(vuln)];
    return advisories.map((advisory) => finding(vuln, advisory, affectedNodes(nodes, advisory.range), places));
  });
}

/** The installs the advisory's range takes in; all of them when the range is in a form not read here. */
function affectedNodes(nodes: readonly LockNode[], range: string): LockNode[] {
  const inRange = nodes.filter((n) => inSimpleRange(n.version, range) !== false);
  return inRange.length > 0 ? inRange : [...nodes];
}

/** npm lists one advisory once per vulnerable range (GHSA-xvch-… twice for minimist): one finding is enough. */
function mergeByUrl(advisories: readonly AuditAdvisory[]): AuditAdvisory[] {
  const byKey = new Map<string, AuditAdvisory>();
  for (const advisory of advisories) {
    const key = advisory.url || advisory.title;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, range: `${seen.range} || ${advisory.range}` } : advisory);
  }
  return [...byKey.values()];
}

function finding(vuln: AuditVulnerability, advisory: AuditAdvisory, nodes: readonly LockNode[], places: DependencyPlaces): AnalyzerFinding {
  // Dev-only when every affected install is: one copy reached from runtime code makes it ship.
  const dev = nodes.length > 0 && nodes.every((n) => n.dev);
  const versions = [...new Set(nodes.map((n) => n.version))].join(', ') || vuln.range;
  const location = nodes.find((n) => n.location === `node_modules/${vuln.name}`)?.location ?? nodes[0]?.location ?? vuln.nodes[0];
  const place = places.place(vuln.name, location);
  const message = `${vuln.name} ${versions} (vulnerable: ${advisory.range}): ${advisory.title}. ${fixText(vuln.fix)}.${dev ? ' Dev dependency only.' : ''} [npm audit]`;
  return {
    ruleId: VULNERABLE_DEPENDENCY,
    category: 'security',
    severity: advisorySeverity(advisory.severity),
    path: place.path,
    line: place.line,
    column: 1,
    message,
    data: {
      source: 'npm audit',
      dependency: vuln.name,
      version: versions,
      range: advisory.range,
      title: advisory.title,
      advisory: advisory.url,
      advisoryId: ghsaId(advisory.url),
      advisorySeverity: advisory.severity,
      dev,
      direct: vuln.isDirect,
      fixAvailable: vuln.fix.available,
      ...(vuln.fix.available && vuln.fix.package ? { fix: `${vuln.fix.package}@${vuln.fix.version ?? ''}` } : {}),
      ...(advisory.cwe.length > 0 ? { cwe: advisory.cwe.join(', ') } : {}),
      ...(vuln.through.length > 0 ? { through: vuln.through.join(', ') } : {}),
    },
  };
}

function throughAdvisory(vuln: AuditVulnerability): AuditAdvisory {
  const names = vuln.through.length > 0 ? vuln.through.join(', ') : 'another package';
  return { title: `depends on vulnerable versions of ${names}`, url: '', severity: vuln.severity, range: vuln.range, cwe: [] };
}

function fixText(fix: AuditFix): string {
  if (!fix.available) return 'No fix available';
  if (!fix.package) return 'Fix available: `npm audit fix`';
  const target = `${fix.package}@${fix.version ?? 'latest'}`;
  return fix.semverMajor ? `Fix available: ${target}, a semver-major update (\`npm audit fix --force\`)` : `Fix available: ${target}`;
}

/** `GHSA-xxxx-xxxx-xxxx` from a GitHub advisory URL, so an OSV record of the same advisory can be matched; else ''. */
export function ghsaId(url: string): string {
  const id = /GHSA((?:-[23456789cfghjmpqrvwx]{4}){3})/i.exec(url)?.[1];
  return id ? `GHSA${id.toLowerCase()}` : '';
}
