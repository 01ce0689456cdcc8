import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SKIP_DIRS } from '../scanner/markers';

/** Files worth reading: code in any language, and the config and env files where secrets hide. */
const ANALYZED = /\.(m?[jt]sx?|c[jt]s|py|go|rs|java|kt|rb|php|cs|swift|c|cc|cpp|h|hpp|sh|bash|ya?ml|json|toml|ini|properties|xml|tf|sql)$|(^|[\\/])\.env(\.[\w.-]+)?$|(^|[\\/])Dockerfile$/i;
const LOCKFILES = /(^|[\\/])(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|poetry\.lock|composer\.lock|Gemfile\.lock|go\.sum)$/;
const MAX_FILES = 20_000;

export interface ProjectFiles {
  files: string[];
  /** Why the list is partial, when it is. */
  notes: string[];
}

/**
 * The project's files to analyze: what git knows plus untracked files it does not ignore, or, outside git, a
 * walk that skips dependency and build folders. Lockfiles are left out (generated, and full of hashes).
 */
export async function projectFiles(projectDir: string, signal?: AbortSignal): Promise<ProjectFiles> {
  const listed = (await gitFiles(projectDir, signal)) ?? (await walk(projectDir, signal));
  const wanted = listed.files.filter((f) => ANALYZED.test(f) && !LOCKFILES.test(f) && !f.split(/[\\/]/).some((part) => SKIP_DIRS.has(part)));
  const notes = [...listed.notes];
  if (wanted.length > MAX_FILES) notes.push(`Only the first ${MAX_FILES} of ${wanted.length} files were analyzed.`);
  return { files: wanted.slice(0, MAX_FILES).map((f) => path.join(projectDir, f)), notes };
}

function gitFiles(projectDir: string, signal?: AbortSignal): Promise<ProjectFiles | null> {
  return new Promise((resolve) => {
    const args = ['-C', projectDir, 'ls-files', '-co', '--exclude-standard', '-z'];
    execFile('git', args, { maxBuffer: 256 * 1024 * 1024, signal, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      // Not a repository, a broken one, or no git: the walk below decides instead.
      if (error) return resolve(null);
      resolve({ files: stdout.split('\0').filter(Boolean), notes: [] });
    });
  });
}

async function walk(root: string, signal?: AbortSignal): Promise<ProjectFiles> {
  const files: string[] = [];
  const notes: string[] = [];
  const queue = [''];
  while (queue.length > 0 && files.length <= MAX_FILES * 2) {
    signal?.throwIfAborted();
    const rel = queue.shift()!;
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      notes.push(`${path.join(root, rel)} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      continue;
    }
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) queue.push(child);
      else if (e.isFile()) files.push(child);
    }
  }
  return { files, notes };
}
