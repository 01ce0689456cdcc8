import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { ContainerEngine } from '../../../language-server/scanner/containers/containerEngine';
import type { ContainerInfo } from '../../../language-server/model';
import { busybox, freePort, usePodman, waitFor } from './podman';

function httpStatus(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('containers: listing and mapping to projects (real podman)', function () {
  this.timeout(30_000);
  const podman = usePodman();
  const at = (...parts: string[]) => path.join(podman.work(), ...parts);
  const projects = () => [at('app'), at('mono'), at('mono', 'packages', 'api'), at('other')];
  const byName = (list: ContainerInfo[]) => new Map(list.map((c) => [c.name, c]));

  before(async () => {
    for (const dir of [...projects(), at('mono', 'packages', 'api', 'src'), at('elsewhere'), at('stacks')]) await mkdir(dir, { recursive: true });
  });

  it('maps compose labels, the deepest bind-mounted project, and leaves unrelated containers without one', async () => {
    const docker = podman.docker();
    await busybox(docker, {
      name: 'app-web-1',
      labels: {
        'com.docker.compose.project': 'app',
        'com.docker.compose.service': 'web',
        'com.docker.compose.project.working_dir': at('app'),
        'com.docker.compose.project.config_files': 'docker-compose.yml',
      },
    });
    await busybox(docker, { name: 'api-dev', binds: [`${at('mono', 'packages', 'api', 'src')}:/src`] });
    await busybox(docker, { name: 'scratch', binds: [`${at('elsewhere')}:/data`] });
    // compose run from a folder that is no project, its file (relative, as podman-compose writes) in one
    await busybox(docker, {
      name: 'stack-db-1',
      start: false,
      labels: { 'com.docker.compose.project.working_dir': at('stacks'), 'com.docker.compose.project.config_files': '../other/compose.yml' },
    });

    const list = await new ContainerEngine({ dockerHost: podman.service().dockerHost }).listContainers(projects());
    const found = byName(list);
    assert.deepEqual([...found.keys()].sort(), ['api-dev', 'app-web-1', 'scratch', 'stack-db-1']);
    const web = found.get('app-web-1')!;
    assert.deepEqual({ ...web, id: '' }, {
      id: '', name: 'app-web-1', image: 'localhost/local/busybox:latest', state: 'running', ports: [],
      projectPath: at('app'), composeProject: 'app', composeService: 'web',
    });
    assert.match(web.id, /^[0-9a-f]{64}$/);
    assert.equal(found.get('api-dev')!.projectPath, at('mono', 'packages', 'api'), 'the deepest project wins');
    assert.equal(found.get('scratch')!.projectPath, null);
    assert.equal(found.get('stack-db-1')!.projectPath, at('other'));
    assert.equal(found.get('stack-db-1')!.state, 'created', 'containers that are not running are listed too');
  });

  it('lists published host ports of a busybox httpd, which really answers there', async () => {
    const port = await freePort();
    await busybox(podman.docker(), { name: 'httpd', cmd: ['httpd', '-f', '-p', '8080', '-h', '/www'], ports: { 8080: port } });
    const [web] = await new ContainerEngine({ dockerHost: podman.service().dockerHost }).listContainers([]);
    assert.deepEqual(web?.ports, [port]);
    assert.equal(await waitFor('httpd to answer', () => httpStatus(port).catch(() => undefined)), 404, 'busybox httpd with an empty /www');
  });

  it('reports an exited container with its state and without ports', async () => {
    const port = await freePort();
    const c = await busybox(podman.docker(), { name: 'short', cmd: ['true'], ports: { 8080: port } });
    await c.wait();
    const [short] = await new ContainerEngine({ dockerHost: podman.service().dockerHost }).listContainers([]);
    assert.equal(short?.state, 'exited');
    assert.deepEqual(short?.ports, []);
  });
});
