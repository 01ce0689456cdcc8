import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditLogRequest, ContainerActionRequest, RuntimeSnapshotRequest, StopRequest } from '../../../language-server/protocol';
import { busybox, stateOf, usePodman } from '../containers/podman';
import { LspServer } from '../helpers/lspServer';

describe('language server: containers of projects over LSP (real podman)', function () {
  this.timeout(60_000);
  const podman = usePodman();
  let server: LspServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('shows a compose container in its project, stops it by itself or with the project, and audits both', async () => {
    const root = path.join(podman.work(), 'projects');
    const shop = path.join(root, 'shop');
    await mkdir(shop, { recursive: true });
    await writeFile(path.join(shop, 'compose.yaml'), 'services:\n  web:\n    image: local/busybox\n');
    const labels = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.project.working_dir': shop };
    const container = await busybox(podman.docker(), { name: 'shop-web-1', labels });
    server = await LspServer.start({
      storePath: path.join(podman.work(), 'store', 'optimus.sqlite'),
      settings: { roots: [root] },
      env: { DOCKER_HOST: podman.service().dockerHost },
    });
    const s = server;
    await s.until('the container in its project', () => s.running(shop)?.containerIds.includes(container.id) === true);
    assert.equal(s.runtime.at(-1)?.docker, 'available');
    const snapshot = await s.connection.sendRequest(RuntimeSnapshotRequest.type);
    assert.equal(snapshot.containers.find((c) => c.id === container.id)?.projectPath, shop);

    await s.connection.sendRequest(ContainerActionRequest.type, { id: container.id, action: 'stop' });
    assert.equal(await stateOf(podman.docker(), container.id), 'exited');
    await s.until('the project shown as stopped (from the engine’s events)', () => s.running(shop) === undefined);

    await s.connection.sendRequest(ContainerActionRequest.type, { id: container.id, action: 'start' });
    await s.until('running again', () => s.running(shop)?.running === true);
    const stopped = await s.connection.sendRequest(StopRequest.type, { path: shop });
    assert.deepEqual(stopped.containers, [container.id]);
    assert.equal(await stateOf(podman.docker(), container.id), 'exited');

    await assert.rejects(s.connection.sendRequest(ContainerActionRequest.type, { id: 'no-such', action: 'start' }), /no-such/);
    const audit = await s.connection.sendRequest(AuditLogRequest.type, { limit: 10 });
    assert.deepEqual(audit.map((r) => `${r.action}:${r.outcome}`).reverse(), ['container.stop:ok', 'container.start:ok', 'stop:ok', 'container.start:error']);
  });
});
