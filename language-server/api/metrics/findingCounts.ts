import type { Project } from '../../model';
import type { Store } from '../../store/store';

export const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * Open findings by severity: what the scan found (malformed manifests, broken git...) plus the open issues of
 * the last analyses, as the store keeps them. A store that cannot be read counts the scan's only.
 */
export async function findingsBySeverity(projects: readonly Project[], store: Store | null): Promise<Record<(typeof SEVERITIES)[number], number>> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of projects) for (const f of p.findings) if (Object.hasOwn(counts, f.severity)) counts[f.severity]++;
  const rows = store ? await store.read((db) => db.exec('SELECT severity, COUNT(*) FROM issues WHERE resolved_at IS NULL GROUP BY severity')[0]?.values ?? []).catch(() => []) : [];
  for (const [severity, n] of rows) if (typeof severity === 'string' && Object.hasOwn(counts, severity)) counts[severity as keyof typeof counts] += Number(n) || 0;
  return counts;
}
