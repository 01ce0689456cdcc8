import assert from 'node:assert/strict';
import { ApiMetrics } from '../../../language-server/api/metrics/apiMetrics';
import { gauge, Histogram } from '../../../language-server/api/metrics/prometheus';
import { Store } from '../../../language-server/store/store';
import { fakeEngine, project } from './fakeEngine';

/** Every line of the text format 0.0.4: a comment, or `name{labels} value`. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|\+Inf|-Inf|NaN)$/;

describe('api: metrics (figures from a fake engine; the real one is scraped in test/integration/api)', () => {
  it('renders a histogram with cumulative buckets, +Inf, sum and count per label set', () => {
    const h = new Histogram('x_seconds', 'Some help.', [0.1, 1]);
    h.observe(0.05, { route: '/a' });
    h.observe(0.5, { route: '/a' });
    h.observe(5, { route: '/a' });
    h.observe(0.01, { route: '/b' });
    assert.equal(h.render(), [
      '# HELP x_seconds Some help.',
      '# TYPE x_seconds histogram',
      'x_seconds_bucket{route="/a",le="0.1"} 1',
      'x_seconds_bucket{route="/a",le="1"} 2',
      'x_seconds_bucket{route="/a",le="+Inf"} 3',
      'x_seconds_sum{route="/a"} 5.55',
      'x_seconds_count{route="/a"} 3',
      'x_seconds_bucket{route="/b",le="0.1"} 1',
      'x_seconds_bucket{route="/b",le="1"} 1',
      'x_seconds_bucket{route="/b",le="+Inf"} 1',
      'x_seconds_sum{route="/b"} 0.01',
      'x_seconds_count{route="/b"} 1',
    ].join('\n'));
  });

  it('escapes label values a client controls (quotes, backslashes, newlines)', () => {
    const text = gauge('g', 'Help with \\ and\nnewline.', [{ labels: { v: 'a"b\\c\nd' }, value: 1 }]);
    assert.equal(text, '# HELP g Help with \\\\ and\\nnewline.\n# TYPE g gauge\ng{v="a\\"b\\\\c\\nd"} 1');
    for (const line of text.split('\n').filter((l) => !l.startsWith('#'))) assert.match(line, SAMPLE);
  });

  it('serves projects, running projects, findings by severity and the three histograms, every line well-formed', async () => {
    const store = (await Store.open(':memory:')).store;
    try {
      const projects = [
        project('shop', '/code', { findings: [{ code: 'manifest/malformed', severity: 'error', message: 'x' }] }),
        project('blog', '/code', { findings: [{ code: 'scan/depth', severity: 'info', message: 'y' }] }),
      ];
      const api = fakeEngine({ projects: () => projects, store: async () => store, runtimeOf: (p) => (p === '/code/shop' ? { path: p, running: true, pids: [1], ports: [], cpuPercent: 0, memoryBytes: 0, containerIds: [] } : null) });
      const metrics = new ApiMetrics();
      metrics.requests.observe(0.002, { route: '/api/v1/projects', method: 'GET', status: '200' });
      metrics.scans.observe(1.5);
      const text = await metrics.render(api);
      assert.match(text, /^optimus_projects 2$/m);
      assert.match(text, /^optimus_running_projects 1$/m);
      assert.match(text, /^optimus_findings\{severity="error"\} 1$/m);
      assert.match(text, /^optimus_findings\{severity="warning"\} 0$/m);
      assert.match(text, /^optimus_findings\{severity="info"\} 1$/m);
      assert.match(text, /^# TYPE optimus_scan_duration_seconds histogram$/m);
      assert.match(text, /^optimus_scan_duration_seconds_count 1$/m);
      assert.match(text, /^# TYPE optimus_analysis_duration_seconds histogram$/m);
      assert.match(text, /^optimus_api_request_duration_seconds_bucket\{route="\/api\/v1\/projects",method="GET",status="200",le="0.0025"\} 1$/m);
      assert.ok(text.endsWith('\n'));
      for (const line of text.trimEnd().split('\n').filter((l) => !l.startsWith('#'))) assert.match(line, SAMPLE, line);
    } finally {
      await store.close();
    }
  });
});
