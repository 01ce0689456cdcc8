import { spawn } from 'node:child_process';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Author, CommitPlan, GitPlan } from './plan';
import type { FileMap, PortfolioCommit } from './types';

/** The environment every git call runs in: none of the user's or the system's configuration, no prompts. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

export function git(cwd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.stdin.on('error', () => undefined); // EPIPE when git exits early; the exit code tells what happened
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`git ${args.join(' ')} in ${cwd} failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(input ?? '');
  });
}

/** The CHANGELOG.md a commit leaves behind: one line per commit after the first on its chain. */
export function changelog(subjects: string[]): string {
  return ['# Changelog', '', ...subjects.map((s) => `- ${s}`), ''].join('\n');
}

export interface BuiltRepo {
  head: CommitPlan[];
  /** Files of HEAD's tree, CHANGELOG.md included. */
  files: FileMap;
}

/**
 * Creates the repository in `dir` (whose work tree is already on disk) with its whole history in one
 * `git fast-import`, then points the index at HEAD. The upstream-only commits go straight to
 * refs/remotes/origin/<branch>, so one push makes the bare repository match.
 */
export async function createRepo(dir: string, plan: GitPlan, tracked: FileMap, remote: string | null): Promise<BuiltRepo> {
  const head = [...plan.main, ...plan.feature];
  const files = { ...tracked, 'CHANGELOG.md': changelog(head.slice(1).map((c) => c.subject)) };
  await git(dir, ['init', '-q', '-b', 'main']);
  await appendFile(path.join(dir, '.git', 'config'), configText(plan, remote));
  await git(dir, ['fast-import', '--quiet', '--date-format=raw'], fastImportStream(plan, tracked));
  if (plan.branch !== 'main') await writeFile(path.join(dir, '.git', 'HEAD'), `ref: refs/heads/${plan.branch}\n`);
  await writeFile(path.join(dir, 'CHANGELOG.md'), files['CHANGELOG.md'] ?? '');
  await git(dir, ['reset', '-q']);
  if (remote && plan.upstream) {
    await git(path.dirname(remote), ['init', '-q', '--bare', '-b', plan.branch, remote]);
    const ref = `refs/remotes/origin/${plan.branch}`;
    await git(dir, ['push', '-q', 'origin', `${ref}:refs/heads/${plan.branch}`]);
  }
  return { head, files };
}

function configText(plan: GitPlan, remote: string | null): string {
  const lines = ['[user]', `\tname = ${plan.user.name}`, `\temail = ${plan.user.email}`];
  if (remote && plan.upstream) {
    lines.push('[remote "origin"]', `\turl = ${remote}`, '\tfetch = +refs/heads/*:refs/remotes/origin/*');
    lines.push(`[branch "${plan.branch}"]`, '\tremote = origin', `\tmerge = refs/heads/${plan.branch}`);
  }
  return `${lines.join('\n')}\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function person(a: Author, time: number): string {
  return `${a.name} <${a.email}> ${time} ${a.tz}`;
}

function commitText(ref: string, mark: number, c: CommitPlan, parent: number | null, changes: FileMap): string {
  let out = `commit ${ref}\nmark :${mark}\nauthor ${person(c.author, c.time)}\ncommitter ${person(c.author, c.time)}\n`;
  out += data(c.subject);
  if (parent !== null) out += `from :${parent}\n`;
  for (const [file, text] of Object.entries(changes)) out += `M 100644 inline ${file}\n${data(text)}`;
  return out;
}

/** Marks are 1-based positions on the HEAD chain; upstream-only commits follow. */
function fastImportStream(plan: GitPlan, tracked: FileMap): string {
  const head = [...plan.main, ...plan.feature];
  const subjects = head.map((c) => c.subject);
  let out = '';
  head.forEach((c, k) => {
    const ref = k < plan.main.length ? 'refs/heads/main' : `refs/heads/${plan.branch}`;
    const changes = k === 0 ? { ...tracked, 'CHANGELOG.md': changelog([]) } : { 'CHANGELOG.md': changelog(subjects.slice(1, k + 1)) };
    out += commitText(ref, k + 1, { ...c, subject: k === 0 ? 'Initial commit' : c.subject }, k === 0 ? null : k, changes);
  });
  if (plan.upstream) out += upstreamText(plan, subjects, head.length);
  return out;
}

function upstreamText(plan: GitPlan, subjects: string[], headCount: number): string {
  const up = plan.upstream;
  if (!up) return '';
  const ref = `refs/remotes/origin/${plan.branch}`;
  const pushed = headCount - up.ahead;
  let out = `reset ${ref}\nfrom :${pushed}\n`;
  const chain = subjects.slice(1, pushed);
  up.only.forEach((c, j) => {
    chain.push(c.subject);
    out += commitText(ref, headCount + j + 1, c, j === 0 ? pushed : headCount + j, { 'CHANGELOG.md': changelog(chain) });
  });
  return out;
}

/** The summary's view of HEAD's last commit, with its real hash. */
export async function lastCommit(dir: string, head: CommitPlan[]): Promise<PortfolioCommit | null> {
  const last = head[head.length - 1];
  if (!last) return null;
  const hash = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  const subject = head.length === 1 ? 'Initial commit' : last.subject;
  return { hash, date: new Date(last.time * 1000).toISOString(), subject, author: last.author.name };
}
