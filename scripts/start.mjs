// `npm start`: builds the extension and opens it in VS Code on a portfolio of projects.
//
// - With a desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> <folder>`.
// - Otherwise (or with --web): code-server (VS Code in the browser, installed into .cache/code-server/ on first
//   use) on 127.0.0.1, with its user data kept in .optimus-dev/; prints the URL to open; Ctrl-C stops it.
//
// The folder is ~/projects when it exists, else a generated sample portfolio in .optimus-dev/sample-projects.
//
//   npm start [-- --port 8080] [--web] [--folder DIR]      (port also from $PORT; a busy port falls back to a free one)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, writeSettings } from './codeServer.mjs';
import { ensureCodeServer } from './installCodeServer.mjs';
import { ensureSystemPackages } from './systemPackages.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devDir = path.join(repoRoot, '.optimus-dev');
const SAMPLE_COUNT = 12;
const PORTFOLIO_DONE = '.optimus-portfolio.json'; // written last by scripts/portfolio.ts (its SUMMARY_FILE)

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT) || 8080, web: false, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--web') opts.web = true;
    else if (arg.startsWith('--port')) opts.port = Number(value());
    else if (arg.startsWith('--folder')) opts.folder = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start [-- --port N] [--web] [--folder DIR]');
      process.exit(0);
    } else throw new Error(`unexpected argument ${arg} (usage: npm start [-- --port N] [--web] [--folder DIR])`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`bad port ${opts.port}`);
  return opts;
}

/** Runs a command with inherited output; throws when it fails. */
function run(cmd, args, what) {
  const res = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (res.error) throw new Error(`${what}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** ~/projects when it exists; otherwise the sample portfolio, generated on the first run. */
function projectsFolder() {
  const mine = path.join(os.homedir(), 'projects');
  if (fs.existsSync(mine) && fs.statSync(mine).isDirectory()) return mine;
  const sample = path.join(devDir, 'sample-projects');
  if (!fs.existsSync(path.join(sample, PORTFOLIO_DONE))) {
    console.log(`~/projects does not exist: generating a sample portfolio of ${SAMPLE_COUNT} projects in ${path.relative(repoRoot, sample)}…`);
    fs.rmSync(sample, { recursive: true, force: true }); // a run interrupted half-way leaves an unfinished one
    fs.mkdirSync(devDir, { recursive: true });
    run(process.execPath, ['--import', 'tsx', 'scripts/portfolio.ts', sample, '--count', String(SAMPLE_COUNT)],
      'generating the sample portfolio (scripts/portfolio.ts)');
  }
  return sample;
}

function openInDesktopCode(folder) {
  console.log(`Opening ${folder} in VS Code with the extension from ${repoRoot}…`);
  run('code', [`--extensionDevelopmentPath=${repoRoot}`, folder], 'code');
}

/** `{ pid, url }` of the code-server another `npm start` runs on .optimus-dev/ right now, if any. */
function runningInstance(file) {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8'));
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

async function serveInBrowser(folder, port) {
  const instanceFile = path.join(devDir, 'code-server.json');
  const running = runningInstance(instanceFile);
  if (running) {
    console.log(`Optimus is already running (process ${running.pid}, which owns .optimus-dev/) at:\n\n  ${running.url}\n`);
    return;
  }
  ensureSystemPackages(['ripgrep', 'libkrb5-dev'], (m) => console.log(m)); // to install code-server
  const entry = await ensureCodeServer({ log: (m) => console.log(m) });
  const dataDir = path.join(devDir, 'code-server');
  writeSettings(dataDir, 'Machine', { 'optimus.roots': [folder] }); // machine-scoped: see writeSettings
  const logFile = path.join(devDir, 'code-server.log');
  const server = await startCodeServer({ entry, dataDir, port, logFile });
  if (port && server.port !== port) console.log(`Port ${port} is busy; using ${server.port}.`);
  const url = server.workbenchUrl({ folder, extensionDevelopmentPath: repoRoot });
  fs.writeFileSync(instanceFile, `${JSON.stringify({ pid: process.pid, url })}\n`);
  console.log(`\nOptimus is running in VS Code (code-server) at:\n\n  ${url}\n`);
  console.log(`Open that address in a browser on this machine (the Optimus icon is in the activity bar).`);
  console.log(`User data: ${path.relative(repoRoot, dataDir)}; server log: ${path.relative(repoRoot, logFile)}. Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server…`);
    await server.stop();
    fs.rmSync(instanceFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const { code, signal } = await server.exited;
  if (!stopping) {
    fs.rmSync(instanceFile, { force: true });
    console.error(`code-server exited unexpectedly (code ${code}, signal ${signal}); see ${logFile}`);
    process.exit(1);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  run('npm', ['run', 'build'], 'npm run build');
  const folder = opts.folder ?? projectsFolder();
  if (!opts.web && onPath('code')) openInDesktopCode(folder);
  else await serveInBrowser(folder, opts.port);
}

main().catch((err) => {
  console.error(`npm start: ${err.message}`);
  process.exit(1);
});
