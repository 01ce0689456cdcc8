import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** git with the user's own configuration shut out, so tests behave the same on every machine. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
  };
  const { stdout } = await exec('git', args, { cwd, env });
  return stdout.trim();
}

/** A repository on `branch` with one commit of everything in the folder. */
export async function gitRepo(dir: string, branch = 'main', message = 'first commit'): Promise<void> {
  await git(dir, 'init', '-q', '-b', branch);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}
