import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildOnce, optimus } from '../../helpers/cli';
import { useTempDir } from '../../helpers/tempDir';
import { datedRepo } from './fixture';

interface RoiJson {
  hours: number;
  sessions: number;
  commits: number;
  authors: Array<{ name: string; email: string; hours: number }>;
  byMonth: Array<{ month: string; hours: number }>;
  costs: number;
  revenue: number;
  roi: number | null;
}

const CONTRACT_KEYS = ['authors', 'byMonth', 'commits', 'costs', 'hours', 'revenue', 'roi', 'sessions'];

/** 2 h + 30 min for Ada in January, 2 h for Bob in February: 4.5 h in 2 sessions. */
const COMMITS = [
  { author: 'Ada <ada@example.com>', at: '2024-01-10T09:00:00Z' },
  { author: 'Ada <ada@example.com>', at: '2024-01-10T09:30:00Z' },
  { author: 'Bob <bob@example.com>', at: '2024-02-03T14:00:00Z' },
];

describe('optimus roi (the CLI contract)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const tmp = useTempDir('cli-roi');
  const shop = () => path.join(tmp(), 'projects', 'shop');
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });
  const roi = async (...args: string[]) => optimus(['roi', ...args, '--db', db()], env());
  const json = async (...args: string[]): Promise<RoiJson> => {
    const run = await roi(shop(), '--json', ...args);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as RoiJson;
  };

  it('--json prints exactly the contract’s keys: hours by author and by month, no money entered yet', async () => {
    await datedRepo(shop(), COMMITS);
    const report = await json();
    assert.deepEqual(Object.keys(report).sort(), CONTRACT_KEYS);
    assert.deepEqual(report, {
      hours: 4.5,
      sessions: 2,
      commits: 3,
      authors: [{ name: 'Ada', email: 'ada@example.com', hours: 2.5 }, { name: 'Bob', email: 'bob@example.com', hours: 2 }],
      byMonth: [{ month: '2024-01', hours: 2.5 }, { month: '2024-02', hours: 2 }],
      costs: 0,
      revenue: 0,
      roi: null,
    });
    assert.deepEqual((await json('--gap', '20', '--first', '60')).hours, 3, 'the options reach the estimate');
  });

  it('stores costs, revenue and the rate, reflects them, audits each change, and removes an entry by id', async () => {
    await datedRepo(shop(), COMMITS);
    const stored = await roi(shop(), '--rate', '100', '--cost', 'Domain=12@2024-01-15', '--cost', 'Hosting=5/month', '--revenue', 'Sale=450.5@2024-02-01');
    assert.equal(stored.code, 0, stored.stderr);
    assert.match(stored.stdout, /Hourly rate\s+100\.00/);
    assert.match(stored.stdout, /cost\/month\s+Hosting\s+5\.00/);
    const report = await json();
    // invested = 4.5 h × 100 + 12 + 5 (Hosting is charged today) = 467; roi = (450.5 − 467) / 467.
    assert.deepEqual([report.costs, report.revenue, report.roi], [17, 450.5, Math.round(((450.5 - 467) / 467) * 10_000) / 10_000]);
    const audit = await optimus(['audit', '--json', '--db', db()], env());
    const actions = (JSON.parse(audit.stdout) as { entries: Array<{ action: string; target: string; outcome: string; details: Record<string, unknown> }> }).entries;
    assert.deepEqual(actions.map((a) => [a.action, a.outcome]).reverse(), [['roi.rate', 'ok'], ['roi.cost', 'ok'], ['roi.cost', 'ok'], ['roi.revenue', 'ok']]);
    assert.ok(actions.every((a) => a.target === shop()));
    const domainId = actions.find((a) => a.details.name === 'Domain')?.details.id;
    assert.equal(typeof domainId, 'number');
    assert.equal((await roi(shop(), '--remove', String(domainId))).code, 0);
    assert.equal((await json()).costs, 5);
    const again = await roi(shop(), '--remove', String(domainId));
    assert.equal(again.code, 1, 'removing an entry that is not there fails');
    assert.match(again.stderr, /has no cost or revenue with id/);
  });

  it('gives zeros and a clear note for a folder that is not a git repository', async () => {
    const plain = path.join(tmp(), 'plain');
    await mkdir(plain, { recursive: true });
    const run = await roi(plain, '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { hours: 0, sessions: 0, commits: 0, authors: [], byMonth: [], costs: 0, revenue: 0, roi: null });
    assert.match(run.stderr, /^note: .*plain is not a git repository \(no \.git\): no hours to count\.$/m);
    const table = await roi(plain);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /No commits counted\./);
  });

  it('bad usage exits 2 with a message and prints nothing on stdout', async () => {
    await mkdir(shop(), { recursive: true });
    const file = path.join(tmp(), 'file.txt');
    await writeFile(file, 'x');
    const cases = [
      [],
      [path.join(tmp(), 'nope')],
      [file],
      [shop(), '--rate', 'abc'],
      [shop(), '--rate', '-5'],
      [shop(), '--gap', '0'],
      [shop(), '--gap', '1.5'],
      [shop(), '--first', 'x'],
      [shop(), '--cost', 'Hosting'],
      [shop(), '--cost', 'Hosting=5/year'],
      [shop(), '--revenue', 'Sale=5@2024-13-01'],
      [shop(), '--remove', 'first'],
      [shop(), shop()],
    ];
    for (const args of cases) {
      const run = await roi(...args, '--json');
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, /^optimus: /, args.join(' '));
    }
    const audit = await optimus(['audit', '--json', '--db', db()], env());
    assert.deepEqual(JSON.parse(audit.stdout).entries, [], 'nothing was stored or audited');
  });
});
