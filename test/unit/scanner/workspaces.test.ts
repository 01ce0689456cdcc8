import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../../../language-server/model';
import { expandWorkspaceMembers, readWorkspace } from '../../../language-server/scanner/workspaces';
import type { WorkspaceInfo } from '../../../language-server/scanner/workspaces';
import type { Tree } from './fixtures';
import { identifyTree, json, makeTree, removeTrees } from './fixtures';

/** Reads the workspace of a new tree and lists its members relative to the root. */
async function workspace(tree: Tree): Promise<{ info: WorkspaceInfo | null; members: string[]; findings: Finding[] }> {
  const dir = await makeTree(tree);
  const findings: Finding[] = [];
  const info = await readWorkspace(dir, await readdir(dir), undefined, findings);
  const members = info ? (await expandWorkspaceMembers(dir, info)).map((m) => m.slice(dir.length + 1)) : [];
  return { info, members, findings };
}

const PKG = '{}';

describe('readWorkspace and expandWorkspaceMembers', () => {
  after(removeTrees);

  it('npm: `*` patterns with a negation; only folders holding package.json', async () => {
    const r = await workspace({
      'package.json': json({ workspaces: ['packages/*', '!packages/legacy'] }),
      'packages/a/package.json': PKG, 'packages/b/package.json': PKG, 'packages/legacy/package.json': PKG,
      'packages/docs/README.md': '', 'packages/.hidden/package.json': PKG,
    });
    assert.deepEqual(r.info, { tool: 'npm', patterns: ['packages/*', '!packages/legacy'] });
    assert.deepEqual(r.members, ['packages/a', 'packages/b']);
  });

  it('yarn: the object form, literal paths with ./ and trailing slashes, and {a,b}', async () => {
    const r = await workspace({
      'package.json': json({ workspaces: { packages: ['./tools/cli/', '{apps,services}/*'], nohoist: ['**/x'] } }),
      'yarn.lock': '',
      'tools/cli/package.json': PKG, 'apps/web/package.json': PKG, 'services/api/package.json': PKG, 'other/x/package.json': PKG,
    });
    assert.equal(r.info?.tool, 'yarn');
    assert.deepEqual(r.members, ['apps/web', 'services/api', 'tools/cli']);
  });

  it('pnpm: nested `**`, a `**` negation, and never inside node_modules or build output', async () => {
    const r = await workspace({
      'pnpm-workspace.yaml': "packages:\n  - 'packages/**'\n  - '!**/test/**'\n",
      'package.json': json({ workspaces: ['ignored/*'] }),
      'packages/core/package.json': PKG, 'packages/group/deep/ui/package.json': PKG, 'packages/core/test/fixture/package.json': PKG,
      'packages/core/node_modules/dep/package.json': PKG, 'packages/dist/pkg/package.json': PKG, 'ignored/x/package.json': PKG,
    });
    assert.deepEqual(r.info, { tool: 'pnpm', patterns: ['packages/**', '!**/test/**'] });
    assert.deepEqual(r.members, ['packages/core', 'packages/group/deep/ui']);
  });

  it('bun from its lockfile; pnpm from pnpm-lock.yaml or the packageManager field', async () => {
    assert.equal((await workspace({ 'package.json': json({ workspaces: ['p/*'] }), 'bun.lockb': '' })).info?.tool, 'bun');
    assert.equal((await workspace({ 'package.json': json({ workspaces: ['p/*'] }), 'pnpm-lock.yaml': '' })).info?.tool, 'pnpm');
    assert.equal((await workspace({ 'package.json': json({ workspaces: ['p/*'], packageManager: 'yarn@4.0.0' }), 'package-lock.json': '' })).info?.tool, 'yarn');
  });

  it('lerna: its own packages, else the client workspaces, else packages/*', async () => {
    const own = await workspace({ 'lerna.json': json({ packages: ['modules/*'] }), 'modules/m/package.json': PKG });
    assert.deepEqual(own, { info: { tool: 'lerna', patterns: ['modules/*'] }, members: ['modules/m'], findings: [] });
    const viaClient = await workspace({ 'lerna.json': json({ version: '1.0.0' }), 'package.json': json({ workspaces: ['libs/*'] }) });
    assert.deepEqual(viaClient.info, { tool: 'lerna', patterns: ['libs/*'] });
    const fallback = await workspace({ 'lerna.json': '{}', 'packages/a/package.json': PKG });
    assert.deepEqual(fallback.info, { tool: 'lerna', patterns: ['packages/*'] });
    assert.deepEqual(fallback.members, ['packages/a']);
  });

  it('nx: workspaceLayout, else apps/** and libs/**, with project.json counting as a member', async () => {
    const layout = await workspace({ 'nx.json': json({ workspaceLayout: { appsDir: 'applications', libsDir: 'shared' } }), 'applications/site/project.json': '{}' });
    assert.deepEqual(layout.info, { tool: 'nx', patterns: ['applications/**', 'shared/**'] });
    assert.deepEqual(layout.members, ['applications/site']);
    const defaults = await workspace({ 'nx.json': '{}', 'apps/web/project.json': '{}', 'libs/shared/ui/project.json': '{}', 'libs/shared/README.md': '' });
    assert.deepEqual(defaults.info, { tool: 'nx', patterns: ['apps/**', 'libs/**'] });
    assert.deepEqual(defaults.members, ['apps/web', 'libs/shared/ui']);
  });

  it('turbo takes the client workspaces; without them it is not a monorepo', async () => {
    const r = await workspace({ 'turbo.json': '{}', 'pnpm-workspace.yaml': 'packages:\n  - apps/*\n', 'apps/web/package.json': PKG });
    assert.deepEqual(r.info, { tool: 'turbo', patterns: ['apps/*'] });
    assert.deepEqual(r.members, ['apps/web']);
    assert.equal((await workspace({ 'turbo.json': '{}', 'package.json': '{}' })).info, null);
  });

  it('cargo: members globs and exclude', async () => {
    const r = await workspace({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*", "tools/gen"]\nexclude = ["crates/experimental"]\n',
      'crates/core/Cargo.toml': '', 'crates/cli/Cargo.toml': '', 'crates/experimental/Cargo.toml': '', 'crates/notes/a.md': '', 'tools/gen/Cargo.toml': '',
    });
    assert.deepEqual(r.info, { tool: 'cargo', patterns: ['crates/*', 'tools/gen', '!crates/experimental'] });
    assert.deepEqual(r.members, ['crates/cli', 'crates/core', 'tools/gen']);
  });

  it('go: use lines and blocks of go.work, without the root itself', async () => {
    const r = await workspace({
      'go.work': 'go 1.22\n\nuse (\n\t.\n\t./cmd/api // the API\n\t"./lib"\n)\nuse ./tools\n',
      'go.mod': 'module root\n', 'cmd/api/go.mod': '', 'lib/go.mod': '', 'tools/go.mod': '',
    });
    assert.deepEqual(r.info, { tool: 'go', patterns: ['./cmd/api', './lib', './tools'] });
    assert.deepEqual(r.members, ['cmd/api', 'lib', 'tools']);
  });

  it('is null for a single project and for workspaces without member patterns', async () => {
    assert.equal((await workspace({ 'package.json': json({ name: 'solo' }) })).info, null);
    assert.equal((await workspace({ 'Cargo.toml': '[package]\nname = "solo"\n' })).info, null);
    assert.equal((await workspace({ 'Cargo.toml': '[workspace]\nexclude = ["x"]\n' })).info, null);
    assert.equal((await workspace({ 'pnpm-workspace.yaml': 'catalog:\n  react: ^18\n' })).info, null);
    assert.equal((await workspace({ 'go.work': 'go 1.22\nuse .\n' })).info, null);
  });

  it('reports a malformed workspace file and falls back to what else is there', async () => {
    const r = await workspace({ 'pnpm-workspace.yaml': 'packages: [\n', 'package.json': json({ workspaces: ['p/*'] }), 'p/a/package.json': PKG });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0]?.message ?? '', /^pnpm-workspace\.yaml is not valid YAML/);
    assert.deepEqual(r.info, { tool: 'npm', patterns: ['p/*'] });
    assert.deepEqual(r.members, ['p/a']);
  });

  it('uses documents already parsed instead of reading them again', async () => {
    const dir = await makeTree({ 'package.json': '{ broken', 'x/a/package.json': PKG });
    const findings: Finding[] = [];
    const info = await readWorkspace(dir, ['package.json'], new Map([['package.json', { workspaces: ['x/*'] }]]), findings);
    assert.deepEqual(info, { tool: 'npm', patterns: ['x/*'] });
    assert.deepEqual(findings, []);
  });

  it('identifyProject reports the workspace and a broken manifest only once', async () => {
    const npm = await identifyTree({ 'package.json': json({ workspaces: ['packages/*'] }) });
    assert.deepEqual(npm.workspace, { tool: 'npm', patterns: ['packages/*'] });
    // Both the Rust detector and the Cargo workspace reader want this file.
    const cargo = await identifyTree({ 'Cargo.toml': '[workspace\nmembers = ["a"]\n' });
    assert.equal(cargo.workspace, null);
    assert.equal(cargo.findings.length, 1);
    assert.equal(cargo.findings[0]?.file, join(cargo.dir, 'Cargo.toml'));
  });

  it('does not loop through symlinks or follow them under **', async () => {
    const r = await workspace({
      'package.json': json({ workspaces: ['packages/**', 'linked/*'] }),
      'packages/a/package.json': PKG, 'packages/a/loop': { symlink: '..' }, 'real/b/package.json': PKG, 'linked/b': { symlink: '../real/b' },
    });
    assert.deepEqual(r.members, ['linked/b', 'packages/a']);
  });

  it('returns nothing for patterns that match nothing or a missing root', async () => {
    assert.deepEqual(await expandWorkspaceMembers('/no/such/dir', { tool: 'npm', patterns: ['packages/*', 'x/**'] }), []);
  });
});
