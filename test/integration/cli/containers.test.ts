import assert from 'node:assert/strict';
import path from 'node:path';
import type { ContainerInfo } from '../../../language-server/model';
import type { AuditRecord } from '../../../language-server/store/auditLog';
import { COMPOSE_WORKING_DIR } from '../../../language-server/scanner/containers/mapping';
import { buildOnce, optimus } from '../helpers/cli';
import { writeTree } from '../helpers/files';
import { busybox, freePort, stateOf, usePodman } from '../containers/podman';

describe('optimus runtime and stop with containers (a real podman API service)', function () {
  this.timeout(120000);
  before(buildOnce);
  const podman = usePodman();
  const project = () => path.join(podman.work(), 'shop');
  const home = () => path.join(podman.work(), 'home');
  const cli = (...args: string[]) =>
    optimus([...args, '--db', path.join(home(), 'optimus.sqlite')], { OPTIMUS_HOME: home(), HOME: podman.work(), DOCKER_HOST: podman.service().dockerHost });

  it('lists the project container with its port, and stop stops it and says so', async () => {
    await writeTree(project(), { 'package.json': '{"name":"shop"}', 'compose.yaml': 'services:\n  web:\n    image: busybox\n' });
    assert.equal((await cli('scan', podman.work())).code, 0);
    const port = await freePort();
    const container = await busybox(podman.docker(), { name: 'shop-web-1', labels: { [COMPOSE_WORKING_DIR]: project() }, ports: { 80: port } });

    const runtime = await cli('runtime', '--json');
    assert.equal(runtime.code, 0, runtime.stderr);
    const report = JSON.parse(runtime.stdout) as { containers: ContainerInfo[]; docker: string };
    assert.equal(report.docker, 'available');
    const found = report.containers.find((c) => c.id === container.id);
    assert.deepEqual([found?.name, found?.state, found?.ports, found?.projectPath], ['shop-web-1', 'running', [port], project()]);
    const table = await cli('runtime');
    assert.match(table.stdout, new RegExp(`shop-web-1\\s+\\S+busybox\\S*\\s+running\\s+${port}\\s+shop`));

    const stop = await cli('stop', project(), '--json');
    assert.equal(stop.code, 0, stop.stderr);
    assert.deepEqual((JSON.parse(stop.stdout) as { containers: string[] }).containers, [container.id]);
    assert.notEqual(await stateOf(podman.docker(), container.id), 'running');
    const [row] = (JSON.parse((await cli('audit', '--json')).stdout) as { entries: AuditRecord[] }).entries;
    assert.deepEqual([row?.action, row?.outcome, row?.details?.containers], ['stop', 'ok', [container.id]]);
  });
});
