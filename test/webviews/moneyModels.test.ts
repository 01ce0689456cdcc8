import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MoneyService } from '../../language-server/advisor/money/moneyService';
import type { MarketView, MoneyView } from '../../language-server/advisor/money/moneyTypes';
import type { Project } from '../../language-server/model';
import { scanProject } from '../../language-server/scanner/scan';
import { changeFailedText, moneyChange, moneyInfo, projectChoices, projectToShow } from '../../extension/webviews/moneyModels';
import { LIMITS } from '../../webviews/money/moneyInfo';
import { isMoneyMessage, type MoneyCommand } from '../../webviews/money/protocol';
import { datedRepo } from '../integration/advisor/roi/fixture';
import { BLOG, SHOP, serverView } from './harness/moneyFixtures';

const accepted = (info: ReturnType<typeof moneyInfo>) => isMoneyMessage({ type: 'view', project: info.path, view: info });
const project = (path: string, name: string, parent: string | null = null) => ({ path, name, parent }) as Project;

describe('Money host models (what the host sends the page)', () => {
  it('sends the server’s view in the shape the page accepts, every figure as the server computed it', () => {
    const info = moneyInfo(serverView());
    assert.equal(accepted(info), true);
    assert.deepEqual(info.figures, serverView().figures);
    assert.equal(info.hourlyRate, 50);
    assert.deepEqual(info.hours.byMonth, serverView().hours.byMonth);
    assert.deepEqual(info.entries, serverView().entries);
  });

  it('keeps market figures as they came: a source without an answer stays null, not 0', () => {
    const notes = ['The network could not be reached: GitHub was not asked.'];
    const info = moneyInfo(serverView({ market: { state: 'on', figures: { npm: null, github: null, notes } }, notes: ['A shallow clone.', ...notes] }));
    assert.deepEqual(info.market, { state: 'on', npm: null, github: null, notes });
    assert.deepEqual(info.notes, ['A shallow clone.'], 'the market’s notes are shown with the market, not twice');
    assert.equal(accepted(info), true);
    assert.deepEqual(moneyInfo(serverView()).market, { state: 'off' });
  });

  it('cuts long strings and lists to the protocol’s bounds, and says when entries or authors are left out', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, direction: 'cost' as const, name: `E${i}`, amount: 1, kind: 'monthly' as const, since: '2024-01-01' }));
    const authors = Array.from({ length: 500 }, (_, i) => ({ name: `A${i}`, email: `a${i}@x`, hours: 1, commits: 1 }));
    const base = serverView();
    const info = moneyInfo(serverView({ name: 'n'.repeat(10_000), entries, hours: { ...base.hours, authors }, notes: Array.from({ length: 500 }, () => 'x'.repeat(5_000)) }));
    assert.equal(info.name.length, LIMITS.text);
    assert.equal(info.entries.length, LIMITS.entries);
    assert.match(info.notes[0] ?? '', /^Only 1000 of the 10000 costs and revenues are listed; the figures count them all\.$/);
    assert.equal(info.notes.length, LIMITS.notes);
    assert.equal(info.hours.authors.length, LIMITS.authors);
    assert.equal(info.hours.otherAuthors, 300);
    assert.equal(accepted(info), true);
  });

  it('passes a broken number on rather than making one up, so the page refuses it and says so', () => {
    const info = moneyInfo(serverView({ figures: { ...serverView().figures, labour: Number.NaN } }));
    assert.ok(Number.isNaN(info.figures.labour));
    assert.equal(accepted(info), false);
  });

  it('keeps a confidence within 0..1', () => {
    const base = serverView();
    const info = moneyInfo(serverView({ opportunities: [{ ...(base.opportunities[0] as (typeof base.opportunities)[number]), confidence: 1.2 }] }));
    assert.equal(info.opportunities[0]?.confidence, 1);
  });

  it('turns the page’s commands into the server’s changes', () => {
    const item = { name: 'Domain', amount: 12, kind: 'one-off' as const, since: '2024-01-15' };
    assert.deepEqual(moneyChange({ type: 'setRate', project: SHOP, rate: 80 }), { kind: 'rate', rate: 80 });
    assert.deepEqual(moneyChange({ type: 'addEntry', project: SHOP, direction: 'revenue', item }), { kind: 'add', direction: 'revenue', item });
    assert.deepEqual(moneyChange({ type: 'removeEntry', project: SHOP, id: 4 }), { kind: 'remove', id: 4 });
    assert.equal(moneyChange({ type: 'refresh', project: SHOP }), null);
  });

  it('says which change failed, with the server’s words', () => {
    const refusal = 'Optimus does not change anything (roi.rate) in an untrusted workspace. Trust the workspace to allow it.';
    assert.equal(changeFailedText({ type: 'setRate', project: SHOP, rate: 1 }, refusal), `The hourly rate was not saved: ${refusal}`);
    const add: MoneyCommand = { type: 'addEntry', project: SHOP, direction: 'cost', item: { name: 'Domain', amount: 1, kind: 'monthly', since: '2024-01-01' } };
    assert.equal(changeFailedText(add, 'no'), '"Domain" was not added: no');
    assert.equal(changeFailedText({ type: 'removeEntry', project: SHOP, id: 1 }, 'x'.repeat(5_000)).length, LIMITS.sentence);
  });

  it('shows the project asked for, else the one the page showed, else the first listed, and only a known one', () => {
    const listed = [project(BLOG, 'blog'), project(SHOP, 'shop')];
    const known = (p: string) => listed.some((l) => l.path === p);
    assert.equal(projectToShow(known, listed, SHOP, BLOG), SHOP);
    assert.equal(projectToShow(known, listed, '/etc', SHOP), SHOP, 'a path the client does not know is never shown');
    assert.equal(projectToShow(known, listed, undefined, null), BLOG);
    assert.equal(projectToShow(known, [], '/etc'), null);
  });

  it('names a member project with its monorepo', () => {
    assert.deepEqual(projectChoices([project('/m/packages/api', 'api', '/m'), project(SHOP, 'shop')]), [
      { path: '/m/packages/api', name: 'api (in m)' },
      { path: SHOP, name: 'shop' },
    ]);
  });
});

describe('Money host models against the real MoneyService (a git repository made here, no store)', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'optimus-money-'));
    await datedRepo(path.join(dir, 'shop'), [
      { author: 'Ada <ada@example.com>', at: '2024-01-10T09:00:00Z' },
      { author: 'Ada <ada@example.com>', at: '2024-01-10T09:30:00Z' },
      { author: 'Bob <bob@example.com>', at: '2024-04-03T14:00:00Z' },
    ]);
    await writeFile(path.join(dir, 'shop', 'package.json'), JSON.stringify({ name: 'shop', dependencies: { react: '^18.0.0', vite: '^5.0.0' } }));
    await mkdir(path.join(dir, 'notes'));
    await writeFile(path.join(dir, 'notes', 'package.json'), JSON.stringify({ name: 'notes' }));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function serviceView(folder: string, market: MarketView = { state: 'off' }): Promise<MoneyView> {
    const [found] = (await scanProject(path.join(dir, folder), dir, null)) ?? [];
    assert.ok(found, `${folder} is read as a project`);
    const service = new MoneyService({ project: (p) => (p === found.path ? found : undefined), store: async () => null, context: () => ({ actor: 'vscode', trusted: true, store: null }), market: async () => market });
    return service.view(found.path);
  }

  it('sends what the server answers for a real repository, accepted by the page as it is', async () => {
    const info = moneyInfo(await serviceView('shop'));
    assert.equal(accepted(info), true, 'the page’s guard takes the server’s real answer');
    assert.deepEqual(info.hours.byMonth.map((m) => m.month), ['2024-01', '2024-04']);
    assert.equal(info.hours.commits, 3);
    assert.ok(info.opportunities.length > 0);
  });

  it('sends a folder without git as 0 hours with the server’s note, and a market without answers as nulls', async () => {
    const market: MarketView = { state: 'on', figures: { npm: null, github: null, notes: ['npm was not asked: the network is off.'] } };
    const info = moneyInfo(await serviceView('notes', market));
    assert.equal(accepted(info), true);
    assert.equal(info.hours.hours, 0);
    assert.ok(info.notes.some((n) => n.includes('is not a git repository')), info.notes.join(' | '));
    assert.deepEqual(info.market, { state: 'on', npm: null, github: null, notes: ['npm was not asked: the network is off.'] });
  });
});
