import type { ApiEngine } from '../apiEngine';
import { findingsBySeverity, SEVERITIES } from './findingCounts';
import { DURATION_BUCKETS, gauge, Histogram, LATENCY_BUCKETS } from './prometheus';

/** What /metrics serves. Durations are observed as they happen; counts are taken at each scrape. */
export class ApiMetrics {
  readonly requests = new Histogram('optimus_api_request_duration_seconds', 'Time to answer an API request, by route template, method and status.', LATENCY_BUCKETS);
  readonly scans = new Histogram('optimus_scan_duration_seconds', 'Time a scan took (every root, or one project) in this process.', DURATION_BUCKETS);
  readonly analyses = new Histogram('optimus_analysis_duration_seconds', 'Time a whole-project analysis took in this process.', DURATION_BUCKETS);

  async render(api: ApiEngine): Promise<string> {
    const projects = api.projects();
    const running = projects.filter((p) => api.runtimeOf(p.path)?.running === true).length;
    const findings = await findingsBySeverity(projects, await api.store());
    return [
      gauge('optimus_projects', 'Projects Optimus knows.', [{ value: projects.length }]),
      gauge('optimus_running_projects', 'Projects with a process, a run or a container running.', [{ value: running }]),
      gauge('optimus_findings', 'Open findings (scan and last analyses) by severity.', SEVERITIES.map((severity) => ({ labels: { severity }, value: findings[severity] }))),
      this.scans.render(),
      this.analyses.render(),
      this.requests.render(),
    ].join('\n') + '\n';
  }
}
