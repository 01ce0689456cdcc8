// The Debian packages the end-to-end tests and the code-server fallback of `npm start` need. Installed when
// missing and this user may (root, or sudo without a password); otherwise the exact command is printed.
import { spawnSync } from 'node:child_process';

export const E2E_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function mayInstall() {
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true']);
  return sudo.status === 0 ? ['sudo'] : null;
}

function run(prefix, args, log) {
  const [cmd, ...rest] = [...prefix, ...args];
  log(`$ ${[cmd, ...rest].join(' ')}`);
  const r = spawnSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`${[cmd, ...rest].join(' ')} failed (exit ${r.status ?? r.signal}).`);
}

/** Makes sure `packages` are installed; throws with the command to run when they are not and cannot be. */
export function ensureSystemPackages(packages = E2E_PACKAGES, log = (m) => console.error(m)) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) return; // not Debian: the tools' own checks say what is missing
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return;
  const prefix = mayInstall();
  if (prefix === null) {
    throw new Error(`Debian packages missing: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`Installing Debian packages needed here: ${missing.join(' ')}`);
  run(prefix, ['apt-get', 'update', '-qq'], log);
  run(prefix, ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing], log);
}
