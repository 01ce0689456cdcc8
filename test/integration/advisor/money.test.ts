import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditLogRequest, MoneyChangeRequest, MoneyRequest, type MoneyView } from '../../../language-server/protocol';
import { buildOnce } from '../helpers/cli';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { datedRepo } from './roi/fixture';
import { git } from '../helpers/git';
import { replayFixtures, useMarketServers } from '../../unit/advisor/market/marketServer';

/** 2 h + 30 min for Ada in January, 2 h for Bob in February: 4.5 h in 2 sessions. */
const COMMITS = [
  { author: 'Ada <ada@example.com>', at: '2024-01-10T09:00:00Z' },
  { author: 'Ada <ada@example.com>', at: '2024-01-10T09:30:00Z' },
  { author: 'Bob <bob@example.com>', at: '2024-02-03T14:00:00Z' },
];

describe('optimus/money over LSP: hours, money entered, ROI and revenue models of a real repository', function () {
  this.timeout(60_000);
  before(buildOnce);
  const tmp = useTempDir('money');
  const root = () => path.join(tmp(), 'projects');
  const shop = () => path.join(root(), 'shop');
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');
  let s: LspServer | undefined;

  const serve = useMarketServers();

  async function server(trusted = true, extra: { settings?: object; env?: NodeJS.ProcessEnv } = {}): Promise<LspServer> {
    await datedRepo(shop(), COMMITS);
    await writeFile(path.join(shop(), 'package.json'), JSON.stringify({ name: 'shop', dependencies: { react: '^18.0.0', vite: '^5.0.0' } }));
    s = await LspServer.start({ storePath: db(), settings: { roots: [root()], containers: { enabled: false }, ...extra.settings }, trusted, env: { OPTIMUS_HOME: path.join(tmp(), 'home'), ...extra.env } });
    await s.until('shop with its git state', () => s?.byName('shop')?.git?.complete === true);
    return s;
  }
  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  it('hostile changes first: each is refused with what to type instead, and nothing is stored', async () => {
    const { connection } = await server();
    const bad: unknown[] = [
      { kind: 'rate', rate: -5 },
      { kind: 'rate', rate: Number.NaN },
      { kind: 'rate', rate: 1e12 },
      { kind: 'add', direction: 'cost', item: { name: 'x'.repeat(100_000), amount: 5, kind: 'monthly', since: '2024-01-01' } },
      { kind: 'add', direction: 'cost', item: { name: 'Hosting', amount: 5, kind: 'weekly', since: '2024-01-01' } },
      { kind: 'add', direction: 'gift', item: { name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-01-01' } },
      { kind: 'add', direction: 'cost', item: { name: 'Hosting', amount: 5, kind: 'monthly', since: '2024-02-30' } },
      { kind: 'add', direction: 'cost', item: { name: 'Hosting', amount: 5, kind: 'monthly', since: `2024-01-01T${'9'.repeat(10_000)}` } },
      { kind: 'remove', id: 0 },
      { kind: 'drop-tables' },
      null,
    ];
    for (const change of bad) {
      await assert.rejects(connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: change as never }), /must be|is a cost|monthly or one-off|a day|needs the id|Unknown money change|must be an object/);
    }
    await assert.rejects(connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'remove', id: 999 } }), /has no cost or revenue with id 999/);
    await assert.rejects(connection.sendRequest(MoneyRequest.type, { path: path.join(tmp(), 'elsewhere') }), /not a project Optimus knows|is not a project/);
    await assert.rejects(connection.sendRequest(MoneyRequest.type, { path: 42 as never }), /path must be a project folder/);
    const view = await connection.sendRequest(MoneyRequest.type, { path: shop() });
    assert.deepEqual(view.entries, []);
    assert.equal(view.hourlyRate, null);
  });

  it('answers the hours from git, then prices them when the rate is set, and counts costs and revenue (each change audited)', async () => {
    const { connection } = await server();
    const first = await connection.sendRequest(MoneyRequest.type, { path: shop() });
    assert.equal(first.name, 'shop');
    assert.deepEqual({ hours: first.hours.hours, sessions: first.hours.sessions, commits: first.hours.commits }, { hours: 4.5, sessions: 2, commits: 3 });
    assert.deepEqual(first.hours.byMonth, [{ month: '2024-01', hours: 2.5 }, { month: '2024-02', hours: 2 }]);
    assert.equal(first.figures.labour, 0, 'no rate yet: labour is priced at 0');
    assert.equal(first.type, 'web-app');
    assert.ok(first.opportunities.length > 0, 'a web app is offered revenue models');
    assert.deepEqual(first.market, { state: 'off' });
    assert.ok(first.notes.some((n) => n.startsWith('No market data')), first.notes.join(' | '));

    const priced = await connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'rate', rate: 40 } });
    assert.equal(priced.hourlyRate, 40);
    assert.equal(priced.figures.labour, 180);
    await connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'add', direction: 'cost', item: { name: ' Hosting ', amount: 20, kind: 'one-off', since: '2024-01-01' } } });
    const withRevenue: MoneyView = await connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'add', direction: 'revenue', item: { name: 'Launch sale', amount: 400, kind: 'one-off', since: '2024-03-01' } } });
    assert.deepEqual(withRevenue.entries.map((e) => [e.direction, e.name, e.amount]), [['cost', 'Hosting', 20], ['revenue', 'Launch sale', 400]]);
    assert.equal(withRevenue.figures.invested, 200);
    assert.equal(withRevenue.figures.roi, 1);

    const hosting = withRevenue.entries[0]?.id ?? 0;
    const removed = await connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'remove', id: hosting } });
    assert.deepEqual(removed.entries.map((e) => e.name), ['Launch sale']);
    const audit = await connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    const actions = audit.filter((r) => r.target === shop()).map((r) => `${r.action}:${r.outcome}`);
    for (const expected of ['roi.rate:ok', 'roi.cost:ok', 'roi.revenue:ok', 'roi.remove:ok']) assert.ok(actions.includes(expected), `${expected} in ${actions.join(', ')}`);
  });

  it('in an untrusted workspace it shows the figures but stores nothing, and says why', async () => {
    const { connection } = await server(false);
    const view = await connection.sendRequest(MoneyRequest.type, { path: shop() });
    assert.equal(view.hours.hours, 4.5);
    await assert.rejects(connection.sendRequest(MoneyChangeRequest.type, { path: shop(), change: { kind: 'rate', rate: 40 } }), /untrusted workspace/);
    assert.equal((await connection.sendRequest(MoneyRequest.type, { path: shop() })).hourlyRate, null);
  });

  it('with market figures on, shows npm downloads and GitHub stars as the APIs answered (recorded answers replayed on loopback: the real APIs are unreachable here), and weighs them', async () => {
    const stub = await serve(await replayFixtures());
    await datedRepo(path.join(root(), 'lodash'), COMMITS);
    await writeFile(path.join(root(), 'lodash', 'package.json'), JSON.stringify({ name: 'lodash', version: '4.17.21', main: 'lodash.js', license: 'MIT' }));
    await git(path.join(root(), 'lodash'), 'remote', 'add', 'origin', 'https://github.com/atom/atom.git');
    const { connection } = await server(true, { settings: { advisor: { marketSignals: true } }, env: { OPTIMUS_NPM_API_URL: stub.url, OPTIMUS_GITHUB_API_URL: stub.url } });
    await s?.until('lodash listed with its remote', () => s?.byName('lodash')?.git?.remoteUrl === 'https://github.com/atom/atom.git');
    const view = await connection.sendRequest(MoneyRequest.type, { path: path.join(root(), 'lodash') });
    assert.equal(view.market.state, 'on');
    const figures = view.market.state === 'on' ? view.market.figures : null;
    assert.equal(figures?.npm?.weeklyDownloads, 97_501_502);
    assert.equal(figures?.github?.stars, 24_824);
    assert.ok(!view.notes.some((n) => n.startsWith('No market data')), view.notes.join(' | '));
    const sponsorships = view.opportunities.find((o) => o.model === 'sponsorships');
    assert.ok(sponsorships?.signals.some((sig) => sig.startsWith('has-users: 97,501,502 npm downloads last week, 24,824 GitHub stars')), sponsorships?.signals.join(' | '));

    const shopView = await connection.sendRequest(MoneyRequest.type, { path: shop() });
    const shopFigures = shopView.market.state === 'on' ? shopView.market.figures : null;
    assert.equal(shopFigures?.npm, null, 'shop is not on npm: no downloads, and no number made up');
    assert.ok(shopFigures?.notes.some((n) => /shop/.test(n)), shopFigures?.notes.join(' | '));
  });

  it('with market figures on but untrusted, asks nothing of the network', async () => {
    const stub = await serve(await replayFixtures());
    const { connection } = await server(false, { settings: { advisor: { marketSignals: true } }, env: { OPTIMUS_NPM_API_URL: stub.url, OPTIMUS_GITHUB_API_URL: stub.url } });
    assert.deepEqual((await connection.sendRequest(MoneyRequest.type, { path: shop() })).market, { state: 'off' });
    assert.equal(stub.requests.length, 0);
  });
});
