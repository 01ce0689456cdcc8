import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePortfolio, type PortfolioProject, type PortfolioSummary } from '../../scripts/portfolio';
import { listFiles } from '../../scripts/portfolio/files';
import { gitEnv } from '../../scripts/portfolio/git';

const BASE = '2025-06-01T12:00:00.000Z';
const DAY_MS = 86_400_000;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const porcelainLines = (dir: string): number => git(dir, 'status', '--porcelain').split('\n').filter(Boolean).length;
const gitProjects = (s: PortfolioSummary): PortfolioProject[] => s.projects.filter((p) => p.git);

describe('portfolio generator', function () {
  this.timeout(120_000);
  let tmp: string;
  let summary: PortfolioSummary;

  before(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'optimus-portfolio-'));
    summary = await generatePortfolio(path.join(tmp, 'a'), { count: 12, seed: 7, baseDate: BASE });
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('writes a dozen varied projects, non-git and nested folders included', () => {
    assert.equal(summary.projects.length, 12);
    assert.equal(summary.remotesDir, path.join(tmp, 'a.remotes'));
    assert.equal(new Set(summary.projects.map((p) => p.name)).size, 12);
    assert.ok(summary.projects.filter((p) => !p.git).length >= 2);
    assert.ok(summary.projects.some((p) => p.relativePath.split('/').length === 3), 'a project nested two levels down');
    const ids = new Set(summary.projects.flatMap((p) => [...p.stack.languages, ...p.stack.frameworks, ...p.stack.packageManagers]));
    for (const id of ['typescript', 'python', 'rust', 'go', 'java', 'react', 'npm', 'cargo']) assert.ok(ids.has(id), id);
    const monorepo = summary.projects.find((p) => p.members.length === 3);
    assert.ok(monorepo, 'an npm-workspaces monorepo');
    for (const m of monorepo.members) assert.ok(existsSync(path.join(m.path, 'package.json')), m.path);
    for (const p of summary.projects) assert.ok(existsSync(path.join(p.path, 'README.md')), p.path);
  });

  it('counts the files it wrote', async () => {
    assert.equal((await listFiles(summary.dir)).length, summary.totalFiles);
    for (const p of summary.projects) assert.equal((await listFiles(p.path)).length, p.files, p.relativePath);
  });

  it('matches git branch, dirty counts and ahead/behind on disk', () => {
    const repos = gitProjects(summary);
    assert.equal(repos.length, summary.gitRepos);
    for (const p of repos) {
      assert.equal(git(p.path, 'rev-parse', '--abbrev-ref', 'HEAD'), p.branch, p.name);
      assert.equal(porcelainLines(p.path), p.dirty, `${p.name} dirty`);
      assert.equal(Number(git(p.path, 'rev-list', '--count', 'HEAD')), p.commits, `${p.name} commits`);
      const [hash, seconds, author] = git(p.path, 'log', '-1', '--format=%H%n%at%n%an').split('\n');
      assert.deepEqual([hash, Number(seconds) * 1000, author], [p.lastCommit?.hash, Date.parse(p.lastCommit?.date ?? ''), p.lastCommit?.author]);
      if (p.upstream) {
        assert.equal(git(p.path, 'rev-parse', '--abbrev-ref', '@{u}'), p.upstream);
        assert.equal(git(p.path, 'rev-list', '--left-right', '--count', '@{u}...HEAD'), `${p.behind}\t${p.ahead}`, p.name);
        assert.ok((p.remoteUrl ?? '').startsWith(summary.remotesDir + path.sep), 'remotes live outside the portfolio');
      } else assert.throws(() => git(p.path, 'rev-parse', '@{u}'));
    }
    for (const p of summary.projects.filter((q) => !q.git)) assert.ok(!existsSync(path.join(p.path, '.git')));
  });

  it('covers branches, dirty trees, ahead, behind and recent commits', () => {
    const repos = gitProjects(summary);
    assert.ok(repos.some((p) => p.branch !== 'main'), 'a feature branch');
    assert.ok(repos.some((p) => p.modified > 0 && p.untracked > 0), 'modified and untracked files');
    assert.ok(repos.some((p) => (p.ahead ?? 0) > 0) && repos.some((p) => (p.behind ?? 0) > 0), 'ahead and behind');
    assert.ok(repos.some((p) => p.upstream && p.ahead === 0 && p.behind === 0), 'in sync');
    assert.ok(repos.some((p) => p.commitsLast30Days > 0) && repos.some((p) => p.commitsLast30Days === 0));
    const base = Date.parse(BASE);
    for (const p of repos) {
      const dates = git(p.path, 'log', '--format=%at').split('\n').map((s) => Number(s) * 1000);
      assert.ok(dates.every((d) => d < base && d > base - 366 * DAY_MS), p.name);
      assert.equal(dates.filter((d) => d > base - 30 * DAY_MS).length, p.commitsLast30Days, p.name);
      assert.match(git(p.path, 'config', 'user.email'), /@example\.[a-z]+$/);
    }
  });

  it('is deterministic for a seed', async () => {
    const again = await generatePortfolio(path.join(tmp, 'b'), { count: 12, seed: 7, baseDate: BASE });
    assert.deepEqual(await listFiles(again.dir), await listFiles(summary.dir));
    assert.deepEqual(
      gitProjects(again).map((p) => p.lastCommit?.hash),
      gitProjects(summary).map((p) => p.lastCommit?.hash),
    );
    const other = await generatePortfolio(path.join(tmp, 'c'), { count: 12, seed: 8, baseDate: BASE });
    assert.notDeepEqual(other.projects.map((p) => p.name), summary.projects.map((p) => p.name));
  });

  it('regenerates its own folder but refuses to overwrite anything else', async () => {
    const dir = path.join(tmp, 'c');
    const again = await generatePortfolio(dir, { count: 2, seed: 8, baseDate: BASE });
    assert.equal((await listFiles(dir)).length, again.totalFiles);
    const foreign = path.join(tmp, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'precious.txt'), 'keep me');
    await assert.rejects(generatePortfolio(foreign, { count: 1 }), /refusing/);
    assert.ok(existsSync(path.join(foreign, 'precious.txt')));
  });

  it('in heavy mode adds dependency trees that look like projects but stay out of git', async () => {
    const heavy = await generatePortfolio(path.join(tmp, 'h'), { count: 12, seed: 7, heavy: true, baseDate: BASE });
    const all = await listFiles(heavy.dir);
    assert.equal(all.length, heavy.totalFiles);
    assert.ok(all.filter((f) => /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f)).length > 100);
    assert.ok(all.some((f) => /\/node_modules\/.+\/node_modules\/[^/]+\/package\.json$/.test(f)), 'nested node_modules');
    assert.ok(all.some((f) => f.includes('/.venv/lib/python3.12/site-packages/')));
    assert.ok(all.some((f) => f.includes('/target/debug/')));
    assert.ok(heavy.totalFiles > summary.totalFiles * 10);
    for (const p of gitProjects(heavy)) assert.equal(porcelainLines(p.path), p.dirty, p.name);
  });
});
