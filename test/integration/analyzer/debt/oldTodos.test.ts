import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { findOldTodos } from '../../../../language-server/analyzer/debt/oldTodos';
import { readSources } from '../../../../language-server/analyzer/debt/readSources';
import { useTempDir } from '../../helpers/tempDir';
import { writeTree } from '../../helpers/files';

const exec = promisify(execFile);
const NOW = new Date('2026-01-01T00:00:00Z');

/** Commits everything with author and committer dates set to `iso`. */
async function commitAt(dir: string, iso: string, message: string): Promise<void> {
  const env = {
    ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso,
  };
  await exec('git', ['add', '-A'], { cwd: dir, env });
  await exec('git', ['commit', '-q', '-m', message], { cwd: dir, env });
}

async function sourcesOf(dir: string, ...files: string[]) {
  return (await readSources(files.map((f) => path.join(dir, f)))).sources;
}

describe('TODO ages from git blame', () => {
  const tmp = useTempDir('old-todos');

  it('reports markers older than the limit, dated by the commit that wrote them, and not newer ones', async () => {
    const dir = tmp();
    await exec('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await writeTree(dir, { 'src/a.ts': 'export const a = 1;\n// TODO: old one\nexport const b = 2;\n' });
    await commitAt(dir, '2024-03-01T12:00:00Z', 'first');
    await writeFile(path.join(dir, 'src/a.ts'), 'export const a = 1;\n// TODO: old one\nexport const b = 2;\n    // FIXME recent\n');
    await writeTree(dir, { 'src/b.py': '# HACK: ancient\nx = 1\n' });
    await commitAt(dir, '2025-12-01T12:00:00Z', 'second');
    await writeFile(path.join(dir, 'src/a.ts'), 'export const a = 1;\n// TODO: old one\nexport const b = 2;\n    // FIXME recent\n// TODO uncommitted\n');

    const result = await findOldTodos(dir, await sourcesOf(dir, 'src/a.ts', 'src/b.py'), { now: NOW, minAgeDays: 180 });
    assert.deepEqual(result.notes, []);
    assert.deepEqual(result.findings.map((f) => [path.relative(dir, f.path), f.line, f.column, f.data?.marker, f.data?.date]), [
      ['src/a.ts', 2, 4, 'TODO', '2024-03-01'],
    ]);
    const [f] = result.findings;
    assert.equal(f?.ruleId, 'debt/old-todo');
    assert.equal(f?.data?.days, 670);
    assert.match(f?.message ?? '', /670 days ago \(2024-03-01\)/);
  });

  it('keeps the age of a marker whose line was only re-indented', async () => {
    const dir = tmp();
    await exec('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await writeTree(dir, { 'a.js': '// TODO: keep\n' });
    await commitAt(dir, '2023-01-01T00:00:00Z', 'first');
    await writeTree(dir, { 'a.js': '    // TODO: keep\n' });
    await commitAt(dir, '2025-12-30T00:00:00Z', 'reindent');
    const result = await findOldTodos(dir, await sourcesOf(dir, 'a.js'), { now: NOW });
    assert.deepEqual(result.findings.map((f) => f.data?.date), ['2023-01-01']);
  });

  it('finds the repository of a project in a subfolder', async () => {
    const dir = tmp();
    await exec('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await writeTree(dir, { 'packages/app/index.js': '// XXX old\n' });
    await commitAt(dir, '2020-06-01T00:00:00Z', 'first');
    const app = path.join(dir, 'packages/app');
    const result = await findOldTodos(app, await sourcesOf(app, 'index.js'), { now: NOW });
    assert.deepEqual(result.findings.map((f) => f.data?.marker), ['XXX']);
  });

  it('skips with a note outside a repository, and notes untracked files and the file cap', async () => {
    const dir = tmp();
    await writeTree(dir, { 'a.ts': '// TODO x\n' });
    const outside = await findOldTodos(dir, await sourcesOf(dir, 'a.ts'), { now: NOW });
    assert.deepEqual(outside.findings, []);
    assert.match(outside.notes.join('\n'), /not in a git repository/);

    await exec('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await writeTree(dir, { 'b.ts': '// TODO y\n// TODO z\n', 'c.ts': '// FIXME w\n' });
    const capped = await findOldTodos(dir, await sourcesOf(dir, 'a.ts', 'b.ts', 'c.ts'), { now: NOW, maxFiles: 2 });
    assert.deepEqual(capped.findings, []);
    assert.match(capped.notes.join('\n'), /2 of 3 files/);
    assert.match(capped.notes.join('\n'), /b\.ts were not read/);
  });

  it('runs no git at all when no file has a marker, and stops at the time budget', async () => {
    const dir = tmp();
    await writeTree(dir, { 'a.ts': 'const a = 1;\n' });
    assert.deepEqual(await findOldTodos(dir, await sourcesOf(dir, 'a.ts')), { findings: [], notes: [] });
    await exec('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await writeTree(dir, { 'b.ts': '// TODO\n' });
    await commitAt(dir, '2020-01-01T00:00:00Z', 'first');
    const late = await findOldTodos(dir, await sourcesOf(dir, 'b.ts'), { now: NOW, timeBudgetMs: 0 });
    assert.deepEqual(late.findings, []);
    assert.match(late.notes.join('\n'), /time limit/);
  });
});
