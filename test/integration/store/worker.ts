/**
 * A separate process for the concurrency tests. Usage:
 *   node --import tsx worker.ts write <db> <id> <count>   opens the store, says "ready", waits for "go" on stdin,
 *                                                          then appends <count> audit rows and rescans its own root
 *   node --import tsx worker.ts hold <db>                  takes the store lock, says "locked", never lets go
 */
import { appendAudit } from '../../../language-server/store/auditLog';
import { acquireLock, lockPathFor } from '../../../language-server/store/lock';
import { saveScan } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { sampleProject } from '../../unit/store/helpers';

async function write(file: string, id: string, count: number): Promise<void> {
  const { store, recovered } = await Store.open(file, { lock: { timeoutMs: 30_000 } });
  if (recovered) throw new Error(`unexpected recovery: ${recovered.reason}`);
  process.stdout.write('ready\n');
  await waitForGo();
  const root = `/workers/${id}`;
  for (let seq = 0; seq < count; seq++) {
    await appendAudit(store, { actor: id, action: 'test.append', target: root, details: { seq }, outcome: 'ok' });
    const projects = Array.from({ length: Math.floor(seq / 2) + 1 }, (_, n) => sampleProject(`p${n}`, root));
    if (seq % 2 === 0) await saveScan(store, projects, [root]);
  }
  await store.close();
  process.stdout.write('done\n');
}

async function hold(file: string): Promise<void> {
  await acquireLock(lockPathFor(file));
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('data', (chunk) => {
      if (!String(chunk).includes('go')) return;
      process.stdin.destroy(); // an open stdin would keep this process alive after its work is done
      resolve();
    });
  });
}

const [mode, file, id, count] = process.argv.slice(2);
const run = mode === 'hold' ? hold(String(file)) : write(String(file), String(id), Number(count));
run.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
