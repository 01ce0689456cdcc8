import assert from 'node:assert/strict';
import path from 'node:path';
import { assignProjects, ProjectMatcher } from '../../../language-server/scanner/runtime/projectMatcher';

describe('ProjectMatcher', () => {
  it('ignores relative, empty and null inputs', () => {
    const m = new ProjectMatcher(['relative/dir', '', '/home/a/web']);
    assert.equal(m.size, 1);
    assert.equal(m.projectFor(null), null);
    assert.equal(m.projectFor(''), null);
    assert.equal(m.projectFor('home/a/web'), null);
    assert.equal(new ProjectMatcher([]).projectFor('/home/a/web'), null);
  });

  it('finds the deepest project holding a folder, and no project for a sibling with a common prefix', () => {
    const m = new ProjectMatcher(['/p/mono', '/p/mono/apps/web', '/p/api', '/']);
    assert.equal(m.projectFor('/p/mono/apps/web/src/pages'), '/p/mono/apps/web');
    assert.equal(m.projectFor('/p/mono/apps/admin'), '/p/mono');
    assert.equal(m.projectFor('/p/mono'), '/p/mono');
    assert.equal(m.projectFor('/p/api-old/x'), '/', 'a prefix of the name is not a parent');
    assert.equal(new ProjectMatcher(['/p/api']).projectFor('/p/api-old/x'), null);
  });

  it('accepts trailing separators and unnormalised paths on either side', () => {
    const m = new ProjectMatcher(['/p/web/']);
    assert.equal(m.projectFor('/p/web'), '/p/web/', 'returns the path as the caller gave it');
    assert.equal(m.projectFor('/p/./web/src/../lib/'), '/p/web/');
  });

  it('matches Windows paths case-insensitively with either separator', () => {
    const m = new ProjectMatcher(['C:\\Users\\a\\Web'], { paths: path.win32 });
    assert.equal(m.projectFor('c:\\users\\A\\web\\src'), 'C:\\Users\\a\\Web');
    assert.equal(m.projectFor('C:/Users/a/Web/node_modules/.bin'), 'C:\\Users\\a\\Web');
    assert.equal(m.projectFor('D:\\Users\\a\\Web'), null);
    assert.equal(m.projectForAny(['C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\a\\Web\\server.js']), 'C:\\Users\\a\\Web');
  });

  it('answers 10 000 lookups against 5 000 projects without scanning every project per lookup', () => {
    const projects = Array.from({ length: 5000 }, (_, i) => `/home/u/projects/p${i}`);
    const m = new ProjectMatcher(projects);
    for (let i = 0; i < 10000; i++) assert.equal(m.projectFor(`/home/u/projects/p${i % 5000}/src/lib`), `/home/u/projects/p${i % 5000}`);
  });
});

describe('assignProjects', () => {
  const m = new ProjectMatcher(['/p/web', '/p/api']);

  it('survives a table with cycles, self-parents and missing parents', () => {
    const rows = [
      { pid: 10, ppid: 11, cwd: '/tmp' },
      { pid: 11, ppid: 10, cwd: '/tmp' },
      { pid: 12, ppid: 12, cwd: null },
      { pid: 13, ppid: 999, cwd: null },
    ];
    const result = assignProjects(rows, m);
    assert.deepEqual([...result.entries()].sort(), [[10, null], [11, null], [12, null], [13, null]]);
  });

  it('places by folder first, then by the nearest ancestor that has a project', () => {
    const rows = [
      { pid: 1, ppid: 0, cwd: '/' },
      { pid: 20, ppid: 1, cwd: '/p/web' }, // npm run dev
      { pid: 21, ppid: 20, cwd: '/tmp' }, // sh -c vite, somewhere else
      { pid: 22, ppid: 21, cwd: null }, // node vite, folder unreadable
      { pid: 23, ppid: 21, cwd: '/p/api/src' }, // a child in another project keeps its own
      { pid: 30, ppid: 1, cwd: '/home' },
    ];
    const result = assignProjects(rows, m);
    assert.equal(result.get(20), '/p/web');
    assert.equal(result.get(21), '/p/web');
    assert.equal(result.get(22), '/p/web');
    assert.equal(result.get(23), '/p/api');
    assert.equal(result.get(30), null);
    assert.equal(result.get(1), null);
  });

  it('does not place barriers nor let inheritance pass through them', () => {
    const rows = [
      { pid: 40, ppid: 1, cwd: '/p/web' }, // the editor, opened in the project
      { pid: 41, ppid: 40, cwd: '/' }, // the language server (us)
      { pid: 42, ppid: 40, cwd: '/tmp' }, // an editor helper elsewhere
    ];
    const result = assignProjects(rows, m, new Set([40, 41]));
    assert.equal(result.get(40), null);
    assert.equal(result.get(41), null);
    assert.equal(result.get(42), null);
  });

  it('uses command-line path hints where the folder is unknown', () => {
    const result = assignProjects([{ pid: 50, ppid: 0, cwd: null, pathHints: ['/usr/bin/node', '/p/api/server.js'] }], m);
    assert.equal(result.get(50), '/p/api');
  });
});
