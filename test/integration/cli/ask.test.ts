import assert from 'node:assert/strict';
import path from 'node:path';
import { isUnderstood } from '../../../language-server/ask/askTypes';
import { AskRequest } from '../../../language-server/protocol';
import type { AuditRecord } from '../../../language-server/store/auditLog';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { gitRepo } from '../helpers/git';
import { LspServer } from '../helpers/lspServer';
import { useTempDir } from '../helpers/tempDir';
import { freePort, isRunning, killAllIn, processesIn, SERVER_JS, waitFor } from './procs';

interface AskJson {
  understood: string | null;
  intent: string;
  slots?: { projects: Array<{ name: string; path: string }>; all: boolean; filters: unknown[] };
  targets?: Array<{ name: string; path: string }>;
  done?: boolean;
  result?: unknown;
  message?: string;
}

/**
 * `optimus ask` against real git repositories and a real process. The CLI runs with a pipe for stdin (not a
 * terminal), which is what a script gets: what changes state is shown and not done unless --yes is given.
 */
describe('optimus ask', function () {
  this.timeout(90000);
  before(buildOnce);
  let dir = '';
  afterEach(() => dir && killAllIn(dir));
  const tmp = useTempDir('cli-ask');
  beforeEach(() => (dir = tmp()));
  const root = () => path.join(tmp(), 'projects');
  const home = () => path.join(tmp(), 'home');
  const db = () => path.join(home(), 'optimus.sqlite');
  const cli = (...args: string[]) => optimus([...args, '--db', db()], { OPTIMUS_HOME: home(), HOME: tmp() });
  const ask = async (...args: string[]) => {
    const run = await cli('ask', ...args, '--json');
    return { ...run, json: JSON.parse(run.stdout) as AskJson };
  };

  async function projects(port: number): Promise<void> {
    await writeTree(root(), {
      'web/package.json': JSON.stringify({ name: 'web' }),
      'web/.optimus.json': JSON.stringify({ start: 'node server.js' }),
      'web/server.js': SERVER_JS,
      'web/.env': `PORT=${port}\n`,
      'api/package.json': JSON.stringify({ name: 'api' }),
      'notes/README.md': '# notes\n',
    });
    for (const name of ['web', 'api', 'notes']) await gitRepo(path.join(root(), name));
    await writeTree(root(), { 'notes/draft.md': 'not committed yet\n' });
    const scan = await cli('scan', root());
    assert.equal(scan.code, 0, scan.stderr);
  }

  async function audit(): Promise<AuditRecord[]> {
    return (JSON.parse((await cli('audit', '--json')).stdout) as { entries: AuditRecord[] }).entries;
  }

  it('answers a read intent with the list the engine keeps, as JSON', async () => {
    await projects(await freePort());
    const dirty = await ask('which projects have uncommitted changes?');
    assert.equal(dirty.code, 0, dirty.stderr);
    assert.equal(dirty.json.intent, 'list');
    assert.equal(dirty.json.understood, 'List projects with uncommitted work');
    assert.deepEqual(dirty.json.slots?.filters, [{ kind: 'dirty' }]);
    assert.deepEqual((dirty.json.result as { projects: Array<{ name: string }> }).projects.map((p) => p.name), ['notes']);

    const text = await cli('ask', 'list', 'projects');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Understood: List all projects\nNAME\s+STACK/);
    assert.match(text.stdout, /\bapi\b[\s\S]*\bnotes\b[\s\S]*\bweb\b/);
  });

  it('"stop everything" without --yes and without a terminal says what it would stop and stops nothing; with --yes it stops it, audited', async () => {
    const port = await freePort();
    await projects(port);
    const web = path.join(root(), 'web');
    const start = await cli('start', web, '--json');
    assert.equal(start.code, 0, start.stderr);
    const pid = (JSON.parse(start.stdout) as { pid: number }).pid;
    await waitFor(`web on port ${port}`, async () => processesIn(web).length > 0 && (await cli('runtime', '--json')).stdout.includes(`${port}`));

    const dry = await cli('ask', 'stop everything');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Understood: Stop every running project\nWould stop:\n {2}web \(.*web\): pid \d+/);
    assert.match(dry.stdout, /Nothing was done: there is no terminal to ask in\. Run it again with --yes to do it\.\n$/);
    assert.ok(isRunning(pid), 'the process still runs');
    assert.ok(processesIn(web).length > 0);
    assert.deepEqual((await audit()).map((r) => r.action), ['start'], 'nothing but the start was done');

    const dryJson = await ask('stop everything');
    assert.equal(dryJson.json.done, false);
    assert.deepEqual(dryJson.json.targets, [{ name: 'web', path: web }]);

    const done = await ask('stop everything', '--yes');
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.json.done, true);
    const [stopped] = done.json.result as Array<{ path: string; ok: boolean; result: { stopped: number[] } }>;
    assert.equal(stopped?.path, web);
    assert.ok(stopped?.result.stopped.includes(pid), JSON.stringify(stopped));
    assert.equal(isRunning(pid), false);
    assert.deepEqual(processesIn(web), []);
    const [row] = await audit();
    assert.deepEqual([row?.action, row?.outcome, row?.actor, row?.target], ['stop', 'ok', 'cli', web]);

    const again = await cli('ask', 'stop everything', '--yes');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Nothing to stop: no project is running\./);
  });

  it('answers nonsense and shell-like text "I didn\'t understand" with exit 1, and runs nothing', async () => {
    await projects(await freePort());
    for (const sentence of ['make me a sandwich', 'start web; rm -rf /', 'start the car']) {
      const run = await cli('ask', sentence, '--yes');
      assert.equal(run.code, 1, sentence);
      assert.match(run.stdout, /^I didn't understand: .*\nTry: optimus ask "/, sentence);
    }
    const json = await ask('open the pod bay doors');
    assert.equal(json.code, 1);
    assert.equal(json.json.intent, 'unknown');
    assert.equal(json.json.understood, null);
    assert.deepEqual(processesIn(root()), []);
    assert.deepEqual(await audit(), []);
  });

  it('asks for the project when none is named, and exits 2 for no sentence, an empty one or one over 500 characters', async () => {
    await projects(await freePort());
    const bare = await cli('ask', 'start');
    assert.equal(bare.code, 1);
    assert.match(bare.stdout, /^Understood: Start a project \(which one\?\)\nSay which project, by its name\.\n$/);
    const none = await cli('ask');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /`optimus ask` needs a sentence/);
    assert.equal((await cli('ask', '   ')).code, 2);
    const long = await cli('ask', `start ${'web '.repeat(200)}`);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /at most 500/);
  });
});

/** The same parser behind "Optimus: Ask…": the server answers optimus/ask with the names of its own index. */
describe('optimus/ask over LSP', function () {
  this.timeout(60000);
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  const tmp = useTempDir('lsp-ask');
  const root = () => path.join(tmp(), 'projects');

  it('parses against the projects the index found, and refuses what is not text', async () => {
    await writeTree(root(), { 'shop/package.json': '{"name":"shop"}', 'shop-admin/package.json': '{"name":"shop-admin"}', 'blog/package.json': '{"name":"blog"}' });
    server = await LspServer.start({ storePath: path.join(tmp(), 'optimus.sqlite'), env: { OPTIMUS_HOME: path.join(tmp(), 'home') }, settings: { roots: [root()], containers: { enabled: false } } });
    await server.until('three projects listed', () => server!.projects.size === 3);
    const stop = await server.connection.sendRequest(AskRequest.type, { text: 'stop the shop admin' });
    assert.ok(isUnderstood(stop));
    assert.deepEqual([stop.intent, stop.changesState, stop.slots.projects], ['stop', true, [{ name: 'shop-admin', path: path.join(root(), 'shop-admin') }]]);
    const ambiguous = await server.connection.sendRequest(AskRequest.type, { text: 'start sho' });
    assert.ok(isUnderstood(ambiguous));
    assert.deepEqual(ambiguous.candidates?.map((c) => c.name).sort(), ['shop', 'shop-admin']);
    const nonsense = await server.connection.sendRequest(AskRequest.type, { text: 'start blog && rm -rf ~' });
    assert.equal(nonsense.intent, 'unknown');
    await assert.rejects(server.connection.sendRequest(AskRequest.type, { text: 42 } as unknown as { text: string }), /needs the sentence as text/);
  });
});
