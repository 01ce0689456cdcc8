/**
 * The Node and Python the user's shell would start. The language server runs inside the editor's own Node,
 * which says nothing about the user's, so `node --version` and `python3 --version` are asked from PATH. Version
 * managers with shims (pyenv, asdf, volta, fnm) answer per folder: `cwd` lets them see the project's files.
 */
import { execFile } from 'node:child_process';
import type { InstalledRuntimes } from './types';

const TIMEOUT_MS = 3000;
/** A newly installed runtime shows up after this long; asking on every keystroke would spawn processes. */
const TTL_MS = 5 * 60 * 1000;

const cache = new Map<string, { at: number; value: Promise<InstalledRuntimes> }>();

export function installedRuntimeVersions(cwd?: string): Promise<InstalledRuntimes> {
  const key = cwd ?? '';
  const known = cache.get(key);
  if (known && Date.now() - known.at < TTL_MS) return known.value;
  const value = ask(cwd);
  cache.set(key, { at: Date.now(), value });
  if (cache.size > 50) cache.delete(cache.keys().next().value as string);
  return value;
}

async function ask(cwd: string | undefined): Promise<InstalledRuntimes> {
  const pythons = process.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python'];
  const [node, python] = await Promise.all([versionOf('node', cwd), firstVersion(pythons, cwd)]);
  return { ...(node ? { node } : {}), ...(python ? { python } : {}) };
}

async function firstVersion(commands: readonly string[], cwd: string | undefined): Promise<string | undefined> {
  for (const command of commands) {
    const version = await versionOf(command, cwd);
    if (version) return version;
  }
  return undefined;
}

/**
 * Python 2 prints its version on stderr, so both streams are read. A failing command answers nothing: a pyenv
 * shim that cannot find the wanted version exits non-zero with that version in its message. Never rejects.
 */
function versionOf(command: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(command, ['--version'], { timeout: TIMEOUT_MS, cwd, windowsHide: true, maxBuffer: 64 * 1024 }, (error, stdout, stderr) => {
        const match = /^(?:Python\s+|v)?(\d+\.\d+\.\d+)/m.exec(`${stdout}\n${stderr}`);
        resolve(error ? undefined : match?.[1]);
      });
    } catch {
      resolve(undefined);
    }
  });
}
