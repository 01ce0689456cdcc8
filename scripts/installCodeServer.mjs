// Installs code-server (VS Code server + web workbench) into `.cache/code-server/`, once.
//
// Used by the end-to-end tests (test/e2e/run.mjs) and by `npm start` when no desktop VS Code is on PATH.
// It is not a devDependency on purpose: it is ~300 MB and takes 1.5–2 min to build, so `npm ci` stays fast and
// CI can cache the folder. Run it on its own with `node scripts/installCodeServer.mjs`.
//
// code-server 4.100.3 is VS Code 1.100.3 (matches `engines.vscode: ^1.100.0`) and the newest release that
// declares Node 20. Installing it as root on Debian needs the quirks handled below (see /work/shared/E2E.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep as pinned by code-server 4.100.3, and the ripgrep release its postinstall would download.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_TAG = 'v13.0.0-10';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultInstallDir = path.join(repoRoot, '.cache', 'code-server');

/** Path of code-server's node entry point inside an install folder. */
export const codeServerEntry = (installDir = defaultInstallDir) =>
  path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Files only code-server's postinstall produces: their absence means its install scripts did not run. */
const builtFiles = [
  'out/node/entry.js',
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'lib/vscode/extensions/node_modules',
];

const markerFile = (installDir) => path.join(installDir, '.installed');

/** True when `installDir` holds a finished install of the pinned version. */
export function isInstalled(installDir = defaultInstallDir) {
  try {
    return fs.readFileSync(markerFile(installDir), 'utf8').trim() === CODE_SERVER_VERSION
      && fs.existsSync(codeServerEntry(installDir));
  } catch {
    return false;
  }
}

/**
 * Makes sure code-server is installed and returns the path of its entry point.
 * Quick (one file read) when it already is; otherwise installs it with npm, printing progress through `log`.
 */
export async function ensureCodeServer({ installDir = defaultInstallDir, log = (m) => console.error(m) } = {}) {
  if (isInstalled(installDir)) return codeServerEntry(installDir);
  checkPrerequisites();
  fs.mkdirSync(installDir, { recursive: true });
  const release = await takeLock(installDir, log);
  try {
    if (isInstalled(installDir)) return codeServerEntry(installDir); // another process finished it meanwhile
    await install(installDir, log);
    return codeServerEntry(installDir);
  } finally {
    release();
  }
}

/** What the build of code-server's native modules needs from the system, checked before spending two minutes. */
function checkPrerequisites() {
  const missing = [];
  const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  if (!onPath('rg')) missing.push(['ripgrep', 'ripgrep (rg) is used instead of the binary @vscode/ripgrep downloads from GitHub']);
  if (!['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'].some((f) => fs.existsSync(f))) {
    missing.push(['libkrb5-dev', 'the kerberos module is built from source and needs gssapi.h']);
  }
  if (!onPath('make') || !onPath('g++')) missing.push(['build-essential', 'native modules (node-pty, kerberos, argon2) are compiled']);
  if (!onPath('python3')) missing.push(['python3', 'node-gyp needs Python']);
  if (!fs.existsSync(path.join(nodeDir(), 'include', 'node', 'node.h'))) {
    missing.push(['nodejs (with its headers, or libnode-dev)', `node-gyp needs Node's headers in ${nodeDir()}/include/node`]);
  }
  if (missing.length === 0) return;
  const lines = missing.map(([pkg, why]) => `  - ${pkg}: ${why}`);
  const pkgs = missing.map(([pkg]) => pkg.split(' ')[0]).join(' ');
  throw new Error(
    `Cannot install code-server ${CODE_SERVER_VERSION}: system packages are missing.\n${lines.join('\n')}\n`
    + `Install them (Debian/Ubuntu, as root): apt-get update && apt-get install -y ${pkgs}\n`
    + 'then run the command again.',
  );
}

/** The folder holding bin/node and include/node (e.g. /usr): headers are read from here, not downloaded. */
const nodeDir = () => path.resolve(path.dirname(process.execPath), '..');

async function install(installDir, log) {
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), installDir) || installDir} (first run only, ~2 min)…`);
  fs.rmSync(markerFile(installDir), { force: true });
  fs.rmSync(path.join(installDir, 'node_modules'), { recursive: true, force: true });
  fs.writeFileSync(path.join(installDir, 'package.json'),
    `${JSON.stringify({ name: 'optimus-code-server', private: true, description: 'Installed by scripts/installCodeServer.mjs' }, null, 2)}\n`);

  const tmpDir = path.join(installDir, 'tmp');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);

  const logFile = path.join(installDir, 'install.log');
  const env = {
    ...process.env,
    TMPDIR: tmpDir, // @vscode/ripgrep's postinstall looks for its cached archive here
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_nodedir: nodeDir(), // use the local Node headers instead of downloading them
    // npm 11.16+ skips dependencies' install scripts unless allowed. code-server's postinstall runs nested
    // `npm install`s in lib/vscode whose native modules (node-pty, kerberos, @parcel/watcher, spdlog, ripgrep)
    // need theirs; a package.json `allowScripts` reaches only the top level, and npm refuses `--allow-scripts`
    // (flag or env) in project-scoped installs. The tree is pinned by code-server's npm-shrinkwrap.json.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const code = await run('npm', ['install', '--omit=dev', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: installDir, env, logFile });
  const missing = builtFiles.map((f) => path.join(installDir, 'node_modules', 'code-server', f)).filter((f) => !fs.existsSync(f));
  if (code !== 0 || missing.length > 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}${missing.length ? `; not built: ${missing.join(', ')}` : ''}).`
      + ` Last lines of ${logFile}:\n${tail}\n`
      + 'If a header or tool is reported missing, install the Debian packages chromium ripgrep libkrb5-dev build-essential python3 and retry.');
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.writeFileSync(markerFile(installDir), `${CODE_SERVER_VERSION}\n`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless it finds
 * `$TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-<target>.tar.gz`; give it the system's rg there.
 */
function seedRipgrepCache(tmpDir) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const stage = path.join(tmpDir, 'rg-stage');
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const target of ['x86_64-unknown-linux-musl', 'aarch64-unknown-linux-gnu', 'aarch64-unknown-linux-musl']) {
    const archive = path.join(cacheDir, `ripgrep-${RIPGREP_TAG}-${target}.tar.gz`);
    const tar = spawnSync('tar', ['-czf', archive, '-C', stage, 'rg'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`Could not pack ${rg} for @vscode/ripgrep: ${tar.stderr}`);
  }
}

function run(cmd, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** A lock folder so two runs (tests and `npm start`) never install into the same folder at once. */
async function takeLock(installDir, log) {
  const lock = `${installDir}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = Number(readOr(path.join(lock, 'pid'), '0'));
    if (!owner || !isAlive(owner)) {
      fs.rmSync(lock, { recursive: true, force: true }); // left behind by a run that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for process ${owner} to finish installing code-server (lock ${lock}).`);
    if (!told) log(`Waiting for process ${owner}, which is installing code-server…`);
    told = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const readOr = (file, fallback) => { try { return fs.readFileSync(file, 'utf8'); } catch { return fallback; } };
const isAlive = (pid) => { try { process.kill(pid, 0); return true; } catch (err) { return err.code === 'EPERM'; } };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer()
    .then((entry) => console.log(entry))
    .catch((err) => { console.error(err.message); process.exit(1); });
}
