import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { connectFirst } from '../../../language-server/scanner/containers/connect';
import { ContainerEngine } from '../../../language-server/scanner/containers/containerEngine';
import { ContainerError } from '../../../language-server/scanner/containers/errors';
import { freePort, usePodman } from './podman';
import { chattySocket, httpSocket, silentSocket, staleSocket } from './sockets';
import type { Closable } from './sockets';

describe('containers: availability against a real podman service', function () {
  this.timeout(30_000);
  const podman = usePodman();
  const servers: Closable[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const sock = (name: string) => path.join(podman.work(), name);
  const availability = (dockerHost: string, pingTimeoutMs = 3000) => new ContainerEngine({ dockerHost, pingTimeoutMs }).availability();

  it('is available through a unix:// address, from the option or from DOCKER_HOST', async () => {
    assert.equal(await availability(podman.service().dockerHost), 'available');
    const fromEnv = new ContainerEngine({ env: { DOCKER_HOST: podman.service().dockerHost } });
    assert.equal(await fromEnv.availability(), 'available');
  });

  it('names the socket when DOCKER_HOST points at one that does not exist', async () => {
    const missing = sock('missing.sock');
    const engine = new ContainerEngine({ env: { DOCKER_HOST: `unix://${missing}` } });
    assert.equal(await engine.availability(), `unavailable: DOCKER_HOST points at ${missing}, which does not exist`);
  });

  it('names every place it looked when no default socket exists', async () => {
    const places = ['a.sock', 'b.sock', 'c.sock'].map(sock);
    const result = await connectFirst(places.map((socketPath) => ({ kind: 'socket', socketPath, source: 'default' })), 1000, {});
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, `no Docker or Podman socket found (looked at ${places.join(', ')}); start the engine or set DOCKER_HOST`);
  });

  it('skips missing default sockets and connects to the first that answers', async () => {
    const endpoints = [sock('nothing.sock'), podman.service().socketPath].map((socketPath) => ({ kind: 'socket' as const, socketPath, source: 'default' as const }));
    const result = await connectFirst(endpoints, 3000, {});
    assert.equal(result.ok && result.connection.where, podman.service().socketPath);
  });

  it('says a socket answered by nothing is left over, without waiting', async () => {
    const stale = sock('stale.sock');
    await staleSocket(stale);
    assert.equal(await availability(`unix://${stale}`), `unavailable: nothing answers on ${stale} (the engine is not running; the socket file is left over)`);
  });

  it('gives up on a socket that accepts and never answers after the ping timeout (no hang)', async () => {
    const hung = sock('hung.sock');
    servers.push(await silentSocket(hung));
    assert.equal(await availability(`unix://${hung}`, 300), `unavailable: the engine at ${hung} did not answer within 0.3 s`);
  });

  it('says a socket that speaks something else is not an engine', async () => {
    const chatty = sock('chatty.sock');
    servers.push(await chattySocket(chatty));
    const reason = await availability(`unix://${chatty}`);
    assert.match(reason, new RegExp(`^unavailable: ${chatty} does not answer like a Docker-compatible engine \\(.+\\)$`));
  });

  it('says a web server on the socket is not an engine', async () => {
    const web = sock('web.sock');
    servers.push(await httpSocket(web));
    assert.equal(await availability(`unix://${web}`), `unavailable: ${web} answered HTTP 404: it does not look like a Docker-compatible engine`);
  });

  it('says a plain file is not a socket', async () => {
    const file = sock('plain.sock');
    await writeFile(file, 'not a socket');
    assert.equal(await availability(`unix://${file}`), `unavailable: ${file} is not a socket`);
  });

  it('says nothing listens at a tcp:// address, and refuses ssh:// with a way out', async () => {
    const port = await freePort();
    assert.equal(await availability(`tcp://127.0.0.1:${port}`), `unavailable: nothing listens at tcp://127.0.0.1:${port} (is the engine running?)`);
    assert.match(await availability('ssh://me@example.invalid'), /^unavailable: DOCKER_HOST=ssh:\/\/me@example\.invalid: ssh:\/\/ addresses are not supported; use unix:\/\/ or tcp:\/\//);
  });

  it('turns actions on an unavailable engine into a clear ContainerError', async () => {
    const engine = new ContainerEngine({ dockerHost: `unix://${sock('gone.sock')}` });
    await assert.rejects(engine.startContainer('abc'), (error: unknown) => {
      assert.ok(error instanceof ContainerError);
      assert.equal(error.code, 'unavailable');
      assert.equal(error.message, `The container engine is unavailable: ${sock('gone.sock')} does not exist`);
      return true;
    });
    await assert.rejects(engine.listContainers([]), { code: 'unavailable' });
  });

  it('notices when the engine goes away and comes back', async () => {
    const engine = new ContainerEngine({ dockerHost: podman.service().dockerHost });
    assert.equal(await engine.availability(), 'available');
    await podman.service().restart();
    assert.equal(await engine.availability(), 'available');
    assert.deepEqual(await engine.listContainers([]), []);
  });
});
