import assert from 'node:assert/strict';
import type { Classification } from '../../../../language-server/advisor/classify/projectTypes';
import type { MarketSignals } from '../../../../language-server/advisor/market/marketTypes';
import { assessMonetization } from '../../../../language-server/advisor/monetization/monetizationOpportunities';
import { marketSignal } from '../../../../language-server/advisor/monetization/signals/marketSignal';
import type { MonetizationTemplate } from '../../../../language-server/advisor/monetization/templateTypes';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { json, scanFixture } from '../classify/scanFixture';

const npm = (weeklyDownloads: number) => ({ package: 'lib', weeklyDownloads, monthlyDownloads: weeklyDownloads * 4, fetchedAt: '2026-11-20T00:00:00Z' });
const github = (stars: number) => ({ repo: 'me/lib', url: 'https://github.com/me/lib', stars, forks: 1, watchers: 1, openIssues: 0, pushedAt: null, archived: false, fetchedAt: '2026-11-20T00:00:00Z' });
const market = (over: Partial<MarketSignals>): MarketSignals => ({ npm: null, github: null, notes: [], ...over });
const library: Classification = { type: 'library', confidence: 1, evidence: [], alternatives: [], notes: [] };
const sponsor: MonetizationTemplate = {
  id: 'sponsor', title: 'Sponsor', summary: 's', fits: { library: 1 }, source: 's.yaml',
  signals: [{ id: 'has-readme', weight: 1 }, { id: 'has-users', weight: 1 }],
  gaps: [{ signal: 'has-users', text: 'Few users' }],
};

describe('advisor: has-users from the public market figures only', () => {
  const tmp = useTempDir('market-signal');

  it('is present past 100 weekly downloads or 50 stars, with the figures as evidence', () => {
    assert.deepEqual(marketSignal(market({ npm: npm(5000) })), [['has-users', { present: true, evidence: '5,000 npm downloads last week' }]]);
    assert.deepEqual(marketSignal(market({ npm: npm(3), github: github(120) })), [['has-users', { present: true, evidence: '120 GitHub stars' }]]);
  });

  it('is absent when figures came back below both bars', () => {
    assert.deepEqual(marketSignal(market({ npm: npm(99), github: github(49) })), [['has-users', { present: false }]]);
  });

  it('is out of reach, not absent, when the figures are off or none came back', () => {
    for (const m of [null, market({ notes: ['offline: api.npmjs.org unreachable'] })]) {
      const [[, state]] = marketSignal(m) as [[string, { unknown?: string; outOfReach?: boolean }]];
      assert.equal(state.outOfReach, true);
      assert.ok(state.unknown);
    }
  });

  it('moves confidence only when figures exist: no figures neither lowers it nor names a gap', async () => {
    const project = await scanFixture(tmp(), 'lib', { 'package.json': json({ name: 'lib', version: '1.0.0' }), 'README.md': '# lib\n' });
    const off = await assessMonetization(project, library, { templates: [sponsor] });
    const offline = await assessMonetization(project, library, { templates: [sponsor], market: market({ notes: ['offline'] }) });
    const used = await assessMonetization(project, library, { templates: [sponsor], market: market({ npm: npm(5000) }) });
    const unused = await assessMonetization(project, library, { templates: [sponsor], market: market({ npm: npm(2) }) });
    assert.equal(off.opportunities[0]?.confidence, 1, 'README present, has-users left out: fully ready');
    assert.equal(offline.opportunities[0]?.confidence, 1);
    assert.deepEqual(off.opportunities[0]?.gaps, []);
    assert.equal(used.opportunities[0]?.confidence, 1);
    assert.ok(used.opportunities[0]?.signals.includes('has-users: 5,000 npm downloads last week'));
    assert.equal(unused.opportunities[0]?.confidence, 0.7);
    assert.deepEqual(unused.opportunities[0]?.gaps, ['Few users']);
    assert.ok(off.notes[0]?.startsWith('No market data'), 'off says there is no market data');
    assert.ok(!used.notes.some((n) => n.startsWith('No market data')));
  });
});
