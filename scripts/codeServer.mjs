// Starts and stops code-server (VS Code 1.100.3 served to a browser), for the end-to-end tests and `npm start`.
//
//   const server = await startCodeServer({ entry, dataDir, logFile });
//   page.goto(server.workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath }));
//   await server.stop();
//
// code-server runs in its own process group (stop() kills the whole group, so its extension hosts and
// language servers go too), with HOME and XDG_* inside `dataDir` so nothing of the real user's leaks in or out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const HOST = '127.0.0.1';

/**
 * The folders code-server uses under `dataDir`: `user-data` (settings at `user-data/User/settings.json`,
 * logs at `user-data/logs/`), `extensions`, and `home` (HOME and XDG_*).
 */
export function codeServerDirs(dataDir) {
  return {
    userDataDir: path.join(dataDir, 'user-data'),
    extensionsDir: path.join(dataDir, 'extensions'),
    homeDir: path.join(dataDir, 'home'),
  };
}

/**
 * Merges `settings` into a code-server settings file: `User` for ordinary settings, `Machine` for
 * machine-scoped ones such as `optimus.roots` (every code-server window is a remote window, and VS Code
 * drops machine-scoped settings found in User settings there).
 */
export function writeSettings(dataDir, scope, settings) {
  const file = path.join(codeServerDirs(dataDir).userDataDir, scope, 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // missing or hand-edited with comments: start from the given settings
  }
  fs.writeFileSync(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
  return file;
}

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {object} o
 * @param {string} o.entry code-server's `out/node/entry.js` (from ensureCodeServer()).
 * @param {string} o.dataDir folder for user data, extensions and HOME (see codeServerDirs()).
 * @param {number} [o.port] port to try first; 0 or missing picks a free one. A busy port falls back to a free one.
 * @param {string} [o.logFile] where code-server's stdout/stderr go (otherwise they are dropped).
 * @param {Record<string,string>} [o.env] extra environment (reaches the extension host and its children).
 * @param {number} [o.timeoutMs] how long to wait for /healthz.
 */
export async function startCodeServer({ entry, dataDir, port = 0, logFile, env = {}, timeoutMs = 30_000 }) {
  const { userDataDir, extensionsDir, homeDir } = codeServerDirs(dataDir);
  for (const dir of [userDataDir, extensionsDir, homeDir]) fs.mkdirSync(dir, { recursive: true });
  const chosenPort = await pickPort(port);
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
  ];
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const { PORT: _port, ...inherited } = process.env; // code-server would listen on $PORT, whatever --bind-addr says
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: stop() kills code-server with everything it started
    stdio: ['ignore', out, out],
    env: {
      ...inherited,
      HOME: homeDir,
      XDG_CONFIG_HOME: path.join(homeDir, '.config'),
      XDG_DATA_HOME: path.join(homeDir, '.local', 'share'),
      XDG_CACHE_HOME: path.join(homeDir, '.cache'),
      XDG_STATE_HOME: path.join(homeDir, '.local', 'state'),
      ...env,
    },
  });
  if (typeof out === 'number') fs.closeSync(out);

  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  const url = `http://${HOST}:${chosenPort}`;
  const server = {
    url,
    port: chosenPort,
    pid: child.pid,
    dirs: { userDataDir, extensionsDir, homeDir },
    /** Resolves when code-server exits, with `{ code, signal }`. */
    exited: exit,
    workbenchUrl: (opts) => workbenchUrl(url, opts),
    stop: () => stopGroup(child, exit, () => exited),
  };
  try {
    await waitForHealth(url, exit, timeoutMs, logFile);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

/**
 * The workbench URL that opens `folder` with the extension under development loaded (and its tests run, when
 * `extensionTestsPath` is given). code-server takes these through the `payload` query parameter as
 * `vscode-remote://<host:port>/<absolute path>` URIs; the authority must be the one the browser uses.
 */
export function workbenchUrl(base, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(base).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base}/${query.length ? `?${query.join('&')}` : ''}`;
}

async function waitForHealth(url, exit, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  exit.then((e) => { exited = e; });
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`code-server exited before it answered (code ${exited.code}, signal ${exited.signal})${logHint(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    // The port opens ~1.5 s after start; ask again shortly, or stop at once if the process died.
    await Promise.race([exit, new Promise((r) => setTimeout(r, 100))]);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s${logHint(logFile)}`);
}

const logHint = (logFile) => (logFile ? `; see ${logFile}` : '');

async function stopGroup(child, exit, exited) {
  if (exited()) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const timer = new Promise((r) => setTimeout(r, 5000).unref());
  const done = await Promise.race([exit.then(() => true), timer.then(() => false)]);
  signal('SIGKILL'); // children that ignored SIGTERM (or outlived code-server) go too
  if (!done) await exit;
}

/** `preferred` when it is free (0 = any), otherwise a free port the OS picks. */
async function pickPort(preferred) {
  if (preferred) {
    const ok = await listenOnce(preferred).then(() => true, () => false);
    if (ok) return preferred;
  }
  return listenOnce(0);
}

function listenOnce(port) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(port, HOST, () => {
      const { port: bound } = srv.address();
      srv.close(() => resolve(bound));
    });
  });
}
