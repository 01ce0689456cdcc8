import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAudit, listAudit } from '../../../language-server/store/auditLog';
import { lockPathFor } from '../../../language-server/store/lock';
import { loadProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';

const WORKER = path.join(__dirname, 'worker.ts');
const REPO = path.resolve(__dirname, '..', '..', '..');

interface Worker {
  child: ChildProcess;
  output: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  const worker: Worker = {
    child,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stdout?.on('data', (chunk) => (worker.output += String(chunk)));
  child.stderr?.on('data', (chunk) => (worker.output += String(chunk)));
  return worker;
}

async function waitForLine(worker: Worker, line: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.output.split('\n').includes(line)) {
    if (worker.child.exitCode !== null) throw new Error(`worker exited before "${line}":\n${worker.output}`);
    if (Date.now() > deadline) throw new Error(`worker did not say "${line}" in time:\n${worker.output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function expectCleanExit(worker: Worker): Promise<void> {
  const { code } = await worker.exited;
  assert.equal(code, 0, worker.output);
}

/** How often consecutive rows come from different writers: proof the processes really ran interleaved. */
function switches(actors: string[]): number {
  return actors.filter((actor, i) => i > 0 && actor !== actors[i - 1]).length;
}

describe('store: several processes sharing one file', () => {
  let dir = '';
  let dbFile = '';
  const started: Worker[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-store-int-'));
    dbFile = path.join(dir, 'optimus.sqlite');
  });
  afterEach(() => {
    for (const worker of started.splice(0)) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function launch(args: string[]): Worker {
    const worker = startWorker(args);
    started.push(worker);
    return worker;
  }

  it('loses no write when three processes append and rescan as fast as they can', async () => {
    const count = 100;
    const ids = ['alpha', 'beta', 'gamma'];
    const workers = ids.map((id) => launch(['write', dbFile, id, String(count)]));
    await Promise.all(workers.map((worker) => waitForLine(worker, 'ready')));
    const t0 = performance.now();
    for (const worker of workers) worker.child.stdin?.end('go\n');
    await Promise.all(workers.map(expectCleanExit));
    const elapsed = performance.now() - t0;

    const { store, recovered } = await Store.open(dbFile);
    assert.equal(recovered, undefined);
    const rows = (await listAudit(store, { limit: 10_000 })).reverse();
    assert.equal(rows.length, ids.length * count);
    for (const id of ids) {
      const seqs = rows.filter((row) => row.actor === id).map((row) => row.details?.seq);
      assert.deepEqual(seqs, Array.from({ length: count }, (_, i) => i), `every row of ${id}, in its order`);
    }
    const projects = await loadProjects(store);
    for (const id of ids) {
      const mine = projects.filter((project) => project.root === `/workers/${id}`);
      assert.equal(mine.length, count / 2, `${id}'s last rescan is complete and untouched by the others' rescans`);
    }
    await store.close();
    assert.deepEqual(fs.readdirSync(dir), ['optimus.sqlite'], 'no lock or temp file left behind');
    console.log(`      ${ids.length} x (${count} appends + ${count / 2} rescans) in ${elapsed.toFixed(0)} ms, writers switched ${switches(rows.map((r) => r.actor))} times`);
  });

  it('is not blocked for long by a process killed (SIGKILL) while it held the lock', async () => {
    const { store } = await Store.open(dbFile, { lock: { timeoutMs: 10_000 } });
    const holder = launch(['hold', dbFile]);
    await waitForLine(holder, 'locked');
    holder.child.kill('SIGKILL');
    await holder.exited;
    assert.ok(fs.existsSync(lockPathFor(dbFile)), 'the dead holder left its lock behind');
    const t0 = performance.now();
    await appendAudit(store, { actor: 'survivor', action: 'x', target: 't', outcome: 'ok' });
    const waited = performance.now() - t0;
    assert.ok(waited < 5_000, `took ${waited} ms`);
    assert.deepEqual((await listAudit(store)).map((row) => row.actor), ['survivor']);
    await store.close();
    assert.equal(fs.existsSync(lockPathFor(dbFile)), false);
  });

  it('keeps every write of the survivors, and an intact file, when a writer is killed mid-run', async () => {
    const survivors = ['one', 'two'].map((id) => launch(['write', dbFile, id, '60']));
    const victim = launch(['write', dbFile, 'victim', '100000']);
    await Promise.all([...survivors, victim].map((worker) => waitForLine(worker, 'ready')));
    for (const worker of [...survivors, victim]) worker.child.stdin?.end('go\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    victim.child.kill('SIGKILL');
    await Promise.all(survivors.map(expectCleanExit));

    const { store, recovered } = await Store.open(dbFile);
    assert.equal(recovered, undefined, 'the file is never left half-written');
    const rows = await listAudit(store, { limit: 100_000 });
    for (const id of ['one', 'two']) assert.equal(rows.filter((row) => row.actor === id).length, 60);
    const victimSeqs = rows.filter((row) => row.actor === 'victim').map((row) => Number(row.details?.seq)).reverse();
    assert.deepEqual(victimSeqs, victimSeqs.map((_, i) => i), 'what the killed writer saved is there, with no gap');
    await store.close();
  });
});
