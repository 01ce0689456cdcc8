import assert from 'node:assert/strict';
import path from 'node:path';
import { ContainerEngine } from '../../../language-server/scanner/containers/containerEngine';
import type { ContainerChange, ContainerSource, ContainerWatch } from '../../../language-server/scanner/containers/watch';
import { watchContainers } from '../../../language-server/scanner/containers/watch';
import { busybox, usePodman, waitFor } from './podman';
import { countingProxy } from './sockets';
import type { Closable } from './sockets';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// "Within a second or two": podman's file events backend hands events out every 250 ms, plus the debounce.
const EVENT_DEADLINE_MS = 2500;

describe('containers: watching engine events (real podman, no polling)', function () {
  this.timeout(30_000);
  const podman = usePodman();
  const closables: Array<Closable | ContainerWatch> = [];
  afterEach(async () => {
    for (const c of closables.splice(0).reverse()) await c.close();
  });

  function record(engine: ContainerSource, options: { retryDelaysMs?: number[] } = {}) {
    const changes: ContainerChange[] = [];
    const watch = watchContainers(engine, (change) => changes.push(change), { projectPaths: () => [podman.work()], ...options });
    closables.push(watch);
    const last = () => changes[changes.length - 1];
    const stateOf = (name: string) => last()?.containers.find((c) => c.name === name)?.state;
    return { changes, watch, last, stateOf };
  }

  async function proxied(name = 'proxy.sock') {
    const socketPath = path.join(podman.work(), name);
    const proxy = await countingProxy(podman.service().socketPath, socketPath);
    closables.push(proxy);
    return { proxy, engine: new ContainerEngine({ dockerHost: `unix://${socketPath}` }) };
  }

  it('reports the list, then each change within a second or two, with one event stream and no polling', async () => {
    const { proxy, engine } = await proxied();
    const w = record(engine);
    await waitFor('the first list', () => w.last()?.docker === 'available');
    assert.deepEqual(w.last(), { containers: [], docker: 'available' });

    const docker = podman.docker(); // straight to podman: only the watch's own calls pass the proxy
    const c = await busybox(docker, { name: 'events-a' });
    await waitFor('start to be reported', () => w.stateOf('events-a') === 'running', EVENT_DEADLINE_MS);
    await c.rename({ name: 'events-b' });
    await waitFor('rename to be reported', () => w.stateOf('events-b') === 'running', EVENT_DEADLINE_MS);
    await c.stop();
    await waitFor('stop to be reported', () => w.stateOf('events-b') === 'exited', EVENT_DEADLINE_MS);

    const seen = proxy.requests.length;
    await sleep(1500);
    assert.equal(proxy.requests.length, seen, `no request while nothing happens: ${proxy.requests.slice(seen).join(', ')}`);
    const kinds = proxy.requests.map((r) => r.split('?')[0]);
    assert.deepEqual(kinds.filter((k) => k !== 'GET /containers/json'), ['GET /_ping', 'GET /events'], proxy.requests.join('\n'));
    const lists = kinds.length - 2;
    assert.ok(lists >= 4 && lists <= 6, `one list at the start and about one per change, not per second: ${lists}`);

    w.watch.close();
    const changes = w.changes.length;
    await c.start();
    await sleep(1000);
    assert.equal(w.changes.length, changes, 'nothing is reported after close()');
  });

  it('follows the engine through a restart: unavailable, then back with the same containers', async () => {
    await busybox(podman.docker(), { name: 'survivor' });
    const w = record(new ContainerEngine({ dockerHost: podman.service().dockerHost }));
    await waitFor('the first list', () => w.stateOf('survivor') === 'running');
    await podman.service().restart();
    await waitFor('the outage to be reported', () => w.changes.find((c) => c.docker.startsWith('unavailable: ')), 5000);
    await waitFor('the engine to be back', () => w.last()?.docker === 'available' && w.stateOf('survivor') === 'running', 10_000);
    const outage = w.changes.find((c) => c.docker !== 'available')!;
    assert.deepEqual(outage.containers, []);
    assert.match(outage.docker, /podman\.sock/);
  });

  it('looks rarely for an engine that is not there, and at once when asked', async () => {
    const socketPath = path.join(podman.work(), 'later.sock');
    const engine = new ContainerEngine({ dockerHost: `unix://${socketPath}` });
    let attempts = 0;
    const counted: ContainerSource = {
      listContainers: (paths) => engine.listContainers(paths),
      containerEvents: () => {
        attempts += 1;
        return engine.containerEvents();
      },
    };
    const w = record(counted);
    await waitFor('the engine to be reported away', () => w.last());
    assert.equal(w.last()!.docker, `unavailable: ${socketPath} does not exist`);
    await sleep(1500);
    assert.equal(attempts, 1, 'no second look within seconds (the default wait is 60 s)');

    closables.push(await countingProxy(podman.service().socketPath, socketPath));
    w.watch.refresh();
    await waitFor('the engine to be found on refresh()', () => w.last()?.docker === 'available', 5000);
    assert.equal(attempts, 2);
  });

  it('finds an engine that comes back by itself when the waits are short', async () => {
    const socketPath = path.join(podman.work(), 'back.sock');
    const w = record(new ContainerEngine({ dockerHost: `unix://${socketPath}` }), { retryDelaysMs: [100] });
    await waitFor('the engine to be reported away', () => w.last()?.docker.startsWith('unavailable'));
    closables.push(await countingProxy(podman.service().socketPath, socketPath));
    await waitFor('the engine to be found again', () => w.last()?.docker === 'available', 5000);
  });

  it('reconnects when the event stream is cut while the engine stays up', async () => {
    const { proxy, engine } = await proxied('cut.sock');
    const w = record(engine);
    await waitFor('the first list', () => w.last()?.docker === 'available');
    proxy.cut();
    await waitFor('a second event stream', () => proxy.requests.filter((r) => r.startsWith('GET /events')).length === 2, 5000);
    await busybox(podman.docker(), { name: 'after-cut' });
    await waitFor('a change on the new stream', () => w.stateOf('after-cut') === 'running', EVENT_DEADLINE_MS);
  });
});
