import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { busybox, freePort, podmanScript } from './podman';

const MARK = '987654'; // an argument no other process on the machine has: `sleep 987654`

function processesWithArgs(args: string[]): number[] {
  const wanted = `${args.join('\0')}\0`;
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === wanted ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

// Container networking state lives outside podman's --root: CNI's IP leases and results, and iptables rules.
function networkStateNaming(ids: string[]): string[] {
  const found: string[] = [];
  for (const dir of ['/var/lib/cni/networks/podman', '/var/lib/cni/results']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      let text = name;
      try {
        text += readFileSync(path.join(dir, name), 'utf8');
      } catch {
        // a lock or a folder
      }
      if (ids.some((id) => text.includes(id))) found.push(path.join(dir, name));
    }
  }
  const rules = spawnSync('iptables-save', [], { encoding: 'utf8' }).stdout ?? '';
  for (const line of rules.split('\n')) if (ids.some((id) => line.includes(id))) found.push(line);
  return found;
}

describe('containers: scripts/podman.mjs leaves nothing behind', function () {
  this.timeout(180_000);

  it('stop() removes containers (running, paused, with a port and an exec), their processes, network state and the folder', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'optimus-podman-cleanup-'));
    const script = await podmanScript();
    const dir = path.join(base, 'podman');
    const service = await script.startPodmanService({ dir });
    try {
      const docker = new Docker({ socketPath: service.socketPath });
      const web = await busybox(docker, { name: 'web', cmd: ['sleep', MARK], ports: { 8080: await freePort() } });
      const paused = await busybox(docker, { name: 'paused', cmd: ['sleep', MARK] });
      await paused.pause();
      const exec = await web.exec({ Cmd: ['sleep', '1'], AttachStdout: true });
      (await exec.start({})).resume();
      assert.equal(processesWithArgs(['sleep', MARK]).length, 2, 'the containers run as processes of this machine');
      const ids = [web.id, paused.id];
      assert.notDeepEqual(networkStateNaming(ids), [], 'the published port made network state to clean up');

      await service.stop();
      assert.deepEqual(script.processesUnder(dir), []);
      assert.deepEqual(processesWithArgs(['sleep', MARK]), []);
      assert.deepEqual(networkStateNaming(ids), []);
      assert.equal(existsSync(dir), false);
    } finally {
      await service.stop();
      await rm(base, { recursive: true, force: true });
    }
  });
});
