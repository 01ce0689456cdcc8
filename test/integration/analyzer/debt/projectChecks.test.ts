import assert from 'node:assert/strict';
import path from 'node:path';
import { checkProject } from '../../../../language-server/analyzer/debt/projectChecks';
import type { Dependency, Manifest, Project } from '../../../../language-server/model';
import { useTempDir } from '../../helpers/tempDir';
import { writeTree } from '../../helpers/files';

function projectAt(dir: string, manifests: Manifest[] = [], over: Partial<Project> = {}): Project {
  return {
    name: path.basename(dir), path: dir, root: path.dirname(dir), stack: { languages: [], frameworks: [], packageManagers: [] },
    git: null, dependencies: { count: manifests.reduce((n, m) => n + m.dependencies.length, 0), manifests }, children: [], parent: null,
    findings: [], scannedAt: '2026-01-01T00:00:00.000Z', ...over,
  };
}

const dep = (name: string, range: string, kind: Dependency['kind'] = 'runtime'): Dependency => ({ name, range, kind });
const ids = (r: { findings: Array<{ ruleId: string }> }) => r.findings.map((f) => f.ruleId).sort();

describe('project checks', () => {
  const tmp = useTempDir('project-checks');

  it('reports a bare project: no README, LICENSE, tests or CI, and says outdated ones were not checked', async () => {
    const dir = tmp();
    await writeTree(dir, { 'src/index.js': 'console.log(1);\n' });
    const result = await checkProject(projectAt(dir));
    assert.deepEqual(ids(result), ['debt/missing-ci', 'debt/missing-license', 'debt/missing-readme', 'debt/missing-tests']);
    assert.ok(result.findings.every((f) => f.path === dir && f.line === 1 && f.category === 'debt'));
    assert.match(result.notes.join('\n'), /Outdated dependencies were not checked/);
  });

  it('is satisfied by the usual names and places, in any case', async () => {
    const layouts: Array<Record<string, string>> = [
      { 'Readme.md': 'x', 'LICENSE.txt': 'x', 'src/a.test.ts': 'x', '.github/workflows/ci.yml': 'x' },
      { 'README': 'x', 'COPYING': 'x', 'tests/test_a.py': 'x', '.gitlab-ci.yml': 'x' },
      { 'readme.rst': 'x', 'LICENCE-MIT': 'x', 'pkg/x/a_test.go': 'x', 'Jenkinsfile': 'x' },
      { 'README.md': 'x', 'LICENSE': 'x', 'src/test/java/AppTest.java': 'x', '.circleci/config.yml': 'x' },
    ];
    for (const files of layouts) {
      const dir = path.join(tmp(), String(layouts.indexOf(files)));
      await writeTree(dir, files);
      assert.deepEqual(ids(await checkProject(projectAt(dir))), [], JSON.stringify(files));
    }
  });

  it('finds inline Rust tests and looks for LICENSE and CI at the monorepo and git root', async () => {
    const root = tmp();
    await writeTree(root, {
      '.git/HEAD': 'ref: refs/heads/main\n', LICENSE: 'MIT', '.github/workflows/ci.yml': 'x',
      'crates/core/Cargo.toml': '[package]\nname = "core"\n', 'crates/core/README.md': 'x',
      'crates/core/src/lib.rs': 'pub fn f() {}\n#[cfg(test)]\nmod tests {}\n',
    });
    const core = path.join(root, 'crates/core');
    const manifest: Manifest = { path: path.join(core, 'Cargo.toml'), kind: 'Cargo.toml', dependencies: [] };
    assert.deepEqual(ids(await checkProject(projectAt(core, [manifest], { root: path.dirname(root) }))), []);
  });

  it('does not ask a private package for a LICENSE', async () => {
    const dir = tmp();
    await writeTree(dir, { 'package.json': '{"name":"x","private":true}', 'README.md': 'x', 'test/a.js': 'x', '.travis.yml': 'x', 'package-lock.json': '{}' });
    const manifest: Manifest = { path: path.join(dir, 'package.json'), kind: 'package.json', dependencies: [] };
    const result = await checkProject(projectAt(dir, [manifest]));
    assert.deepEqual(ids(result), []);
    assert.match(result.notes.join('\n'), /private/);
  });

  it('flags *, tags and branch-following git dependencies on their manifest line, and ranges without a lockfile', async () => {
    const dir = tmp();
    const pkg = '{\n  "name": "x",\n  "dependencies": {\n    "a": "*",\n    "b": "latest",\n    "c": "^1.2.0",\n    "d": "github:o/d",\n    "e": "github:o/e#abc1234"\n  },\n  "peerDependencies": { "react": "*" }\n}\n';
    await writeTree(dir, { 'package.json': pkg, 'README.md': 'x', LICENSE: 'x', 'test/a.js': 'x', 'Jenkinsfile': 'x' });
    const manifest: Manifest = { path: path.join(dir, 'package.json'), kind: 'package.json', dependencies: [dep('a', '*'), dep('b', 'latest'), dep('c', '^1.2.0'), dep('d', 'github:o/d'), dep('e', 'github:o/e#abc1234'), dep('react', '*', 'peer')] };
    const result = await checkProject(projectAt(dir, [manifest]));
    const unpinned = result.findings.filter((f) => f.ruleId === 'debt/unpinned-dependency');
    assert.deepEqual(unpinned.map((f) => [f.data?.dependency, f.line, f.path]), [['a', 4, manifest.path], ['b', 5, manifest.path], ['d', 7, manifest.path]]);
    const lock = result.findings.find((f) => f.ruleId === 'debt/missing-lockfile');
    assert.equal(lock?.data?.count, 4);
    await writeTree(dir, { 'yarn.lock': '' });
    assert.deepEqual(ids(await checkProject(projectAt(dir, [manifest]))), ['debt/unpinned-dependency', 'debt/unpinned-dependency', 'debt/unpinned-dependency']);
  });

  it('reports outdated dependencies only when latest versions are given', async () => {
    const dir = tmp();
    await writeTree(dir, { 'README.md': 'x', LICENSE: 'x', 'test/a.js': 'x', 'Jenkinsfile': 'x', 'package-lock.json': '{}', 'package.json': '{"dependencies":{"old":"^1.0.0","fresh":"^3.1.0"}}' });
    const manifest: Manifest = { path: path.join(dir, 'package.json'), kind: 'package.json', lockfile: path.join(dir, 'package-lock.json'), dependencies: [{ ...dep('old', '^1.0.0'), locked: '1.4.0' }, dep('fresh', '^3.1.0')] };
    const result = await checkProject(projectAt(dir, [manifest]), { latestVersions: { old: '3.0.1', fresh: '3.2.0' } });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.data?.dependency, f.data?.majorsBehind]), [['debt/outdated-dependency', 'old', 2]]);
    assert.deepEqual(result.notes, []);
  });

  it('does not call tests missing when the search stopped at its limits, and survives a missing folder', async () => {
    const dir = tmp();
    await writeTree(dir, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/m${i}/index.js`, 'x'])));
    const result = await checkProject(projectAt(dir), { maxEntries: 10 });
    assert.ok(!ids(result).includes('debt/missing-tests'));
    assert.match(result.notes.join('\n'), /Tests were not looked for everywhere/);
    const missing = await checkProject(projectAt(path.join(dir, 'does-not-exist')));
    assert.ok(ids(missing).includes('debt/missing-readme'));
  });
});
