// A real Docker-compatible engine for the container tests and for trying Optimus by hand: podman's API service,
// isolated in a folder of its own (storage, run state, socket), so it never touches the machine's containers.
// See /work/shared/CONTAINERS.md for why each setting below is needed on machines of this kind.
//
//   node scripts/podman.mjs [dir]   starts a service, prints DOCKER_HOST=..., stops and cleans up on Ctrl+C
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './systemPackages.mjs';

export const PODMAN_PACKAGES = ['podman', 'runc', 'busybox-static'];
export const BUSYBOX_IMAGE = 'local/busybox';
const BUSYBOX_LINKS = ['sh', 'sleep', 'httpd', 'nc', 'ls', 'cat', 'echo', 'true'];
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(repoRoot, '.cache', 'podman');
const rootfsTar = path.join(cacheDir, 'busybox-rootfs.tar');
const PING_TIMEOUT_MS = 15_000;

/** Installs podman, runc and busybox-static when missing (or throws with the apt line) and builds the busybox rootfs. */
export function ensurePodman(log = (m) => console.error(m)) {
  if (!commandWorks('podman', ['--version'])) {
    ensureSystemPackages(PODMAN_PACKAGES, log);
    if (!commandWorks('podman', ['--version'])) {
      throw new Error(`podman is not installed. Install it with: sudo apt-get install -y ${PODMAN_PACKAGES.join(' ')}`);
    }
  } else {
    ensureSystemPackages(PODMAN_PACKAGES, log); // runc or busybox-static may still be missing; a no-op when not
  }
  buildBusyboxRootfs();
}

function commandWorks(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

// No registry is reachable here, so the one image the tests use is made from Debian's static busybox.
function buildBusyboxRootfs() {
  if (fs.existsSync(rootfsTar)) return;
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => fs.existsSync(p));
  if (!busybox) throw new Error('busybox is missing. Install it with: sudo apt-get install -y busybox-static');
  const rootfs = fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-busybox-rootfs-'));
  try {
    fs.mkdirSync(path.join(rootfs, 'bin'));
    for (const dir of ['tmp', 'www', 'proc', 'sys', 'dev', 'etc']) fs.mkdirSync(path.join(rootfs, dir));
    fs.copyFileSync(busybox, path.join(rootfs, 'bin', 'busybox'));
    fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
    for (const name of BUSYBOX_LINKS) fs.symlinkSync('busybox', path.join(rootfs, 'bin', name));
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${rootfsTar}.${process.pid}`;
    run('tar', ['-C', rootfs, '-cf', partial, '.']);
    fs.renameSync(partial, rootfsTar); // atomic, so a parallel run never imports half a file
  } finally {
    fs.rmSync(rootfs, { recursive: true, force: true });
  }
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr || r.error?.message || ''}`.trim());
  return r.stdout;
}

/** podman's global flags that keep every piece of state under `dir`. */
export function podmanFlags(dir) {
  return ['--root', path.join(dir, 'root'), '--runroot', path.join(dir, 'runroot'), '--tmpdir', path.join(dir, 'tmp'),
    '--cgroup-manager', 'cgroupfs', '--events-backend', 'file'];
}

// The service's own settings: dockerode sends no ulimits, and podman's defaults ask for more than the machine allows.
function writeContainersConf(dir) {
  const hard = (flag, cap) => {
    const out = spawnSync('sh', ['-c', `ulimit -H${flag}`], { encoding: 'utf8' }).stdout.trim();
    const n = Number(out);
    return Number.isFinite(n) && n > 0 ? Math.min(n, cap) : cap;
  };
  const nofile = hard('n', 1_048_576);
  const nproc = hard('u', 32_768);
  const file = path.join(dir, 'containers.conf');
  fs.writeFileSync(file, [
    '[containers]',
    `default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]`,
    '[engine]',
    'runtime = "runc"',
    'cgroup_manager = "cgroupfs"',
    'events_logger = "file"',
    `events_logfile_path = "${path.join(dir, 'events.log')}"`,
    '',
  ].join('\n'));
  return file;
}

function importBusybox(dir, env) {
  const flags = podmanFlags(dir);
  if (spawnSync('podman', [...flags, 'image', 'exists', BUSYBOX_IMAGE], { env }).status === 0) return;
  run('podman', [...flags, 'import', rootfsTar, BUSYBOX_IMAGE], { env });
}

/**
 * Starts `podman system service` on `<dir>/podman.sock` with its state under `dir` (made if missing) and waits
 * until it answers `/_ping`. `restart()` stops the service alone (containers keep their state) and starts it
 * again, as an engine restart does. `stop()` removes every container, stops the service and its conmon helpers
 * and deletes `dir`.
 */
export async function startPodmanService({ dir, log = () => {} } = {}) {
  if (!dir) throw new Error('startPodmanService needs { dir }');
  ensurePodman(log);
  fs.mkdirSync(dir, { recursive: true });
  const env = { ...process.env, CONTAINERS_CONF: writeContainersConf(dir) };
  importBusybox(dir, env);
  const socketPath = path.join(dir, 'podman.sock');
  let service = null;
  const launch = async () => {
    service = spawnService(dir, env, socketPath);
    await waitForPing(socketPath, service);
  };
  // Should the test process die without calling stop(), the service and its containers must not outlive it.
  const onExit = () => stopServiceSync(dir, env, service);
  process.once('exit', onExit);
  let stopping = null;
  const stop = () => {
    process.removeListener('exit', onExit);
    stopping ??= stopService(dir, env, service);
    return stopping;
  };
  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  const restart = async () => {
    await killAndWait(service);
    await launch();
  };
  return { socketPath, dockerHost: `unix://${socketPath}`, dir, env, pid: () => service.pid, restart, stop };
}

function spawnService(dir, env, socketPath) {
  fs.rmSync(socketPath, { force: true });
  const service = spawn('podman', [...podmanFlags(dir), 'system', 'service', '--time=0', `unix://${socketPath}`], {
    env, stdio: ['ignore', 'ignore', 'pipe'],
  });
  service.stderrTail = '';
  service.stderr.on('data', (chunk) => { service.stderrTail = (service.stderrTail + chunk).slice(-4000); });
  return service;
}

async function waitForPing(socketPath, service) {
  const stderr = () => service.stderrTail;
  const deadline = Date.now() + PING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (service.exitCode !== null || service.signalCode !== null) {
      throw new Error(`podman system service exited (${service.exitCode ?? service.signalCode}): ${stderr()}`);
    }
    if (await ping(socketPath)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`podman system service did not answer /_ping on ${socketPath} within ${PING_TIMEOUT_MS} ms: ${stderr()}`);
}

async function ping(socketPath) {
  const http = await import('node:http');
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

async function stopService(dir, env, service) {
  const flags = podmanFlags(dir);
  // Container processes outlive the service (conmon holds them), so they go first, while podman can still see them.
  spawnSync('podman', [...flags, 'rm', '--all', '--force', '--time', '0'], { env, stdio: 'ignore', timeout: 60_000 });
  if (service) await killAndWait(service);
  for (const pid of conmonPidsUnder(dir)) killPid(pid);
  spawnSync('podman', [...flags, 'system', 'reset', '--force'], { env, stdio: 'ignore', timeout: 60_000 });
  fs.rmSync(dir, { recursive: true, force: true });
}

function stopServiceSync(dir, env, service) {
  const flags = podmanFlags(dir);
  spawnSync('podman', [...flags, 'rm', '--all', '--force', '--time', '0'], { env, stdio: 'ignore', timeout: 30_000 });
  if (service && service.exitCode === null && service.signalCode === null) service.kill('SIGKILL');
  for (const pid of conmonPidsUnder(dir)) killPid(pid);
  spawnSync('podman', [...flags, 'system', 'reset', '--force'], { env, stdio: 'ignore', timeout: 30_000 });
  fs.rmSync(dir, { recursive: true, force: true });
}

async function killAndWait(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// conmon helpers (left by exec and by containers) name their run folder on the command line; only ours name `dir`.
function conmonPidsUnder(dir) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (path.basename(cmdline[0] ?? '') === 'conmon' && cmdline.some((arg) => arg.includes(dir))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function killPid(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Processes still running whose command line names `dir` (for tests: nothing should be left). */
export function processesUnder(dir) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(dir)) found.push({ pid: Number(entry), command: cmdline.split('\0').join(' ').trim() });
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'optimus-podman-')));
  const service = await startPodmanService({ dir, log: (m) => console.error(m) });
  console.log(`DOCKER_HOST=${service.dockerHost}`);
  console.error(`podman API service running (state in ${dir}); image ${BUSYBOX_IMAGE}. Ctrl+C stops it and removes the state.`);
  const shutdown = async () => { await service.stop(); process.exit(0); };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
