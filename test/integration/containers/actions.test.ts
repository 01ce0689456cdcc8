import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ContainerEngine } from '../../../language-server/scanner/containers/containerEngine';
import { ContainerError } from '../../../language-server/scanner/containers/errors';
import { busybox, stateOf, usePodman } from './podman';

describe('containers: start, stop, restart and stopping a project (real podman)', function () {
  this.timeout(30_000);
  const podman = usePodman();
  const engine = () => new ContainerEngine({ dockerHost: podman.service().dockerHost });
  const at = (...parts: string[]) => path.join(podman.work(), ...parts);

  it('starts, stops and restarts a container, and accepts asking for the state it is already in', async () => {
    const docker = podman.docker();
    const c = await busybox(docker, { name: 'worker', start: false });
    const e = engine();
    await e.startContainer(c.id);
    assert.equal(await stateOf(docker, c.id), 'running');
    await e.startContainer(c.id);
    const before = (await c.inspect()).State.StartedAt;
    await e.restartContainer(c.id, { timeoutS: 1 });
    assert.equal(await stateOf(docker, c.id), 'running');
    assert.notEqual((await c.inspect()).State.StartedAt, before, 'restarted, not left alone');
    await e.stopContainer(c.id, { timeoutS: 1 });
    assert.equal(await stateOf(docker, c.id), 'exited');
    await e.stopContainer(c.id);
  });

  it('finds a container by name as well as by id', async () => {
    const c = await busybox(podman.docker(), { name: 'by-name' });
    await engine().stopContainer('by-name', { timeoutS: 0 });
    assert.equal(await stateOf(podman.docker(), c.id), 'exited');
  });

  it('says which container does not exist', async () => {
    for (const action of [(e: ContainerEngine) => e.startContainer('no-such'), (e: ContainerEngine) => e.stopContainer('no-such'), (e: ContainerEngine) => e.restartContainer('no-such')]) {
      await assert.rejects(action(engine()), (error: unknown) => {
        assert.ok(error instanceof ContainerError);
        assert.equal(error.code, 'not-found');
        assert.equal(error.message, 'No such container: no-such');
        return true;
      });
    }
  });

  it('passes on what the engine says when a start fails', async () => {
    const c = await busybox(podman.docker(), { name: 'broken', cmd: ['/no/such/program'], start: false });
    await assert.rejects(engine().startContainer(c.id), (error: unknown) => {
      assert.ok(error instanceof ContainerError);
      assert.equal(error.code, 'failed');
      assert.match(error.message, new RegExp(`^Starting container ${c.id} failed: .*no/such/program`));
      return true;
    });
  });

  it('stops every running container of a project, leaving a nested project and other projects alone', async () => {
    const docker = podman.docker();
    const projects = [at('shop'), at('shop', 'admin'), at('blog')];
    for (const dir of [...projects, at('shop', 'data')]) await mkdir(dir, { recursive: true });
    const compose = (name: string, dir: string) =>
      busybox(docker, { name, labels: { 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.project': path.basename(dir) } });
    const web = await compose('shop-web-1', at('shop'));
    const db = await busybox(docker, { name: 'shop-db', binds: [`${at('shop', 'data')}:/var/lib/db`] });
    const paused = await compose('shop-cache-1', at('shop'));
    await paused.pause();
    const idle = await busybox(docker, { name: 'shop-idle', start: false, labels: { 'com.docker.compose.project.working_dir': at('shop') } });
    const admin = await compose('admin-web-1', at('shop', 'admin'));
    const blog = await compose('blog-web-1', at('blog'));

    const stopped = await engine().stopProjectContainers(at('shop'), projects, { timeoutS: 1 });
    assert.deepEqual(stopped.sort(), [web.id, db.id, paused.id].sort());
    for (const c of [web, db, paused]) assert.equal(await stateOf(docker, c.id), 'exited');
    assert.equal(await stateOf(docker, idle.id), 'created');
    assert.equal(await stateOf(docker, admin.id), 'running', 'the nested project keeps its container');
    assert.equal(await stateOf(docker, blog.id), 'running');

    assert.deepEqual(await engine().stopProjectContainers(at('shop', 'admin')), [admin.id], 'without the project list, by folder');
    assert.deepEqual(await engine().stopProjectContainers(at('shop'), projects), [], 'nothing left to stop');
  });
});
