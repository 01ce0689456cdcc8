import assert from 'node:assert/strict';
import path from 'node:path';
import type { Classification } from '../../../../language-server/advisor/classify/projectTypes';
import { opportunityConfidence, readiness, typeFit } from '../../../../language-server/advisor/monetization/confidence';
import { assessMonetization, monetizationOpportunities } from '../../../../language-server/advisor/monetization/monetizationOpportunities';
import type { SignalMap } from '../../../../language-server/advisor/monetization/signalIds';
import type { MonetizationTemplate } from '../../../../language-server/advisor/monetization/templateTypes';
import { writeTree } from '../../../integration/helpers/files';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { json, scanFixture } from '../classify/scanFixture';

const template = (over: Partial<MonetizationTemplate> = {}): MonetizationTemplate => ({
  id: 't', title: 'T', summary: 's', fits: { 'web-app': 1, cli: 0.5 }, signals: [{ id: 'has-auth', weight: 3 }, { id: 'deployed', weight: 1 }], gaps: [], source: 't.yaml', ...over,
});
const classified = (over: Partial<Classification> = {}): Classification => ({ type: 'web-app', confidence: 1, evidence: [], alternatives: [], notes: [], ...over });

describe('advisor: monetization confidence and ranking', () => {
  const tmp = useTempDir('ranking');

  it('fits by the type, scaled by how sure the classification is', () => {
    assert.equal(typeFit(template(), classified()).fit, 1);
    assert.equal(typeFit(template(), classified({ confidence: 0.5 })).fit, 0.8);
    assert.equal(typeFit(template(), classified({ type: 'game' })).fit, 0, 'a type the template does not list');
  });

  it('fits an alternative reading at its score, halved, when that is higher', () => {
    const fit = typeFit(template({ fits: { cli: 1 } }), classified({ type: 'editor-extension', alternatives: [{ type: 'cli', score: 0.8, evidence: [] }] }));
    assert.equal(fit.fit, 0.4);
    assert.match(fit.basis, /fits cli projects \(weight 1\), an alternative reading/);
  });

  it('measures readiness as the share of signal weight present; unknown counts as not present', () => {
    const signals: SignalMap = new Map([['has-auth', { present: true, evidence: 'e' }], ['deployed', { unknown: 'why' }]]);
    assert.equal(readiness(template(), signals), 0.75);
    assert.equal(readiness(template({ signals: [] }), signals), 0);
  });

  it('moves confidence between 40% and all of the fit', () => {
    assert.equal(opportunityConfidence(1, 0), 0.4);
    assert.equal(opportunityConfidence(1, 1), 1);
    assert.equal(opportunityConfidence(0.5, 0.5), 0.35);
  });

  it('ranks by confidence, then fit, then id, and leaves out models that do not fit', async () => {
    const project = await scanFixture(tmp(), 'app', { 'package.json': json({ name: 'app', private: true }) });
    const templates = [
      template({ id: 'b-equal', fits: { 'web-app': 0.5 }, signals: [{ id: 'has-ads', weight: 1 }] }),
      template({ id: 'a-equal', fits: { 'web-app': 0.5 }, signals: [{ id: 'has-ads', weight: 1 }] }),
      template({ id: 'best', fits: { 'web-app': 1 } }),
      template({ id: 'never', fits: { game: 1 } }),
    ];
    const got = await monetizationOpportunities(project, classified(), { templates });
    assert.deepEqual(got.map((o) => [o.model, o.confidence]), [['best', 0.4], ['a-equal', 0.2], ['b-equal', 0.2]]);
    assert.equal(got[0]?.signals[0], 'fits web-app projects (weight 1)');
  });

  it('names a gap only when the signal is known to be absent, and says what is not known', async () => {
    const project = await scanFixture(tmp(), 'lib', { 'package.json': json({ name: 'lib', version: '1.0.0', exports: './i.js' }), LICENSE: 'Custom terms of my own making.\n' });
    const t = template({ fits: { library: 1 }, signals: [{ id: 'open-source-license', weight: 1 }], gaps: [{ signal: 'open-source-license', text: 'No OSS license' }, { signal: 'has-funding', text: 'No funding' }] });
    const { opportunities, notes } = await assessMonetization(project, classified({ type: 'library' }), { templates: [t] });
    assert.deepEqual(opportunities[0]?.gaps, ['No funding']);
    assert.ok(notes.includes('open-source-license: not known (the license in LICENSE was not recognised)'), notes.join('\n'));
  });

  it('says there is no market data rather than inventing any, and offers an unknown project only its alternatives', async () => {
    const project = await scanFixture(tmp(), 'odd', { 'notes.txt': '' });
    const { opportunities, notes } = await assessMonetization(project, classified({ type: 'unknown', confidence: 0, alternatives: [{ type: 'cli', score: 0.6, evidence: [] }] }));
    assert.match(notes[0] ?? '', /^No market data: npm downloads and GitHub stars\/forks are not looked up/);
    assert.ok(notes.some((n) => n.startsWith('The project type is unknown')));
    assert.ok(opportunities.length > 0 && opportunities.every((o) => o.signals[0]?.includes('an alternative reading')));
  });

  it('reports unusable user templates in the notes and still ranks the built-ins', async () => {
    const project = await scanFixture(tmp(), 'web', { 'package.json': json({ name: 'web', private: true, dependencies: { next: '^14.0.0' } }) });
    const userDir = path.join(tmp(), 'user-templates');
    await writeTree(userDir, { 'broken.yaml': 'title: [' });
    const { opportunities, notes } = await assessMonetization(project, classified(), { userDir });
    assert.ok(notes.some((n) => /broken\.yaml is not valid YAML/.test(n)), notes.join('\n'));
    assert.equal(opportunities[0]?.model, 'saas-subscription');
  });
});
