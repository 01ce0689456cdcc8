import assert from 'node:assert/strict';
import { groupProjects, primaryLanguage } from '../../../extension/tree/grouping';
import { ago, gitBadges, projectDescription } from '../../../extension/tree/labels';
import { git, project } from '../helpers/project';

const stack = (languages: string[], frameworks: string[] = []) => ({ languages, frameworks, packageManagers: [] });

describe('tree grouping and labels', () => {
  const projects = [
    project('/r/shop', { stack: stack(['javascript', 'typescript'], ['react']), git: git({ dirty: true, changedFiles: 3 }) }),
    project('/r/api', { stack: stack(['javascript', 'python'], ['django']), git: git({ ahead: 2, behind: 0, upstream: 'origin/main' }) }),
    project('/r/clients/acme/site', { root: '/r', stack: stack([]) }),
    project('/r/mono', { stack: stack(['typescript']), children: ['/r/mono/packages/a'], git: git({ error: 'bad HEAD' }) }),
    project('/r/mono/packages/a', { stack: stack(['typescript']), parent: '/r/mono' }),
  ];

  it('groups by the most specific language and leaves members under their monorepo', () => {
    const groups = groupProjects(projects, 'stack') ?? [];
    const byLabel = Object.fromEntries(groups.map((g) => [g.label, g.projects.map((p) => p.name)]));
    assert.deepEqual(byLabel, { TypeScript: ['shop', 'mono'], Python: ['api'], Other: ['site'] });
    assert.equal(groups.at(-1)?.label, 'Other', 'Other comes last');
  });

  it('groups by git state in a fixed order of urgency', () => {
    const labels = (groupProjects(projects, 'gitState') ?? []).map((g) => g.label);
    assert.deepEqual(labels, ['Uncommitted changes', 'Not pushed or not pulled', 'Git errors', 'Not a git repository']);
  });

  it('groups by the folder a project sits in, relative to its root', () => {
    const labels = (groupProjects(projects, 'folder') ?? []).map((g) => g.label).sort();
    assert.deepEqual(labels, ['r', 'r/clients/acme']);
  });

  it('returns no groups for a flat list', () => {
    assert.equal(groupProjects(projects, 'flat'), null);
  });

  it('prefers the more specific language as primary', () => {
    assert.equal(primaryLanguage(projects[0]!), 'typescript');
    assert.equal(primaryLanguage(projects[1]!), 'python');
    assert.equal(primaryLanguage(projects[2]!), undefined);
  });

  it('describes a project by branch, stack and git badges', () => {
    assert.equal(projectDescription(projects[0]!), 'main · JavaScript, TypeScript, React · ●3');
    assert.equal(gitBadges(git({ ahead: 1, behind: 2 })), '↑1 ↓2');
    assert.equal(projectDescription(project('/r/x', { git: git({ branch: null, detached: true, head: 'abcdef0123' }) })), '(abcdef0)');
  });

  it('says how long ago a date was', () => {
    const now = Date.parse('2026-06-10T12:00:00Z');
    assert.equal(ago('2026-06-10T11:59:50Z', now), 'just now');
    assert.equal(ago('2026-06-07T12:00:00Z', now), '3 days ago');
    assert.equal(ago('2025-06-01T12:00:00Z', now), '1 year ago');
    assert.equal(ago('not a date', now), 'not a date');
  });
});
