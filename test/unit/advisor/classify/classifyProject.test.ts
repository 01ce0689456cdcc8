import assert from 'node:assert/strict';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { classifyProject } from '../../../../language-server/advisor/classify/classifyProject';
import type { Rule } from '../../../../language-server/advisor/classify/rule';
import { RULES } from '../../../../language-server/advisor/classify/rules/allRules';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { project } from '../../helpers/project';
import { json, scanFixture } from './scanFixture';

describe('advisor: classifyProject', () => {
  const tmp = useTempDir('classify');

  it('names the field that decided it: a package with "bin" is a CLI, with the library reading as an alternative', async () => {
    const p = await scanFixture(tmp(), 'tool', { 'package.json': json({ name: 'tool', version: '1.0.0', bin: { tool: 'cli.js' }, types: 'index.d.ts', dependencies: { commander: '^12.0.0' } }) });
    const c = await classifyProject(p);
    assert.equal(c.type, 'cli');
    assert.ok(c.evidence.includes('package.json has "bin": {"tool": ...}: it installs a command'), c.evidence.join('\n'));
    assert.ok(c.evidence.some((e) => e.startsWith('package.json depends on commander')));
    assert.deepEqual(c.alternatives.map((a) => a.type), ['library']);
    assert.ok(c.confidence > 0.8 && c.confidence < 0.95, `confidence ${c.confidence}`);
  });

  it('takes a component library with react as a peer for a library, not a web app', async () => {
    const p = await scanFixture(tmp(), 'buttons', { 'package.json': json({ name: 'buttons', version: '2.0.0', exports: { '.': './dist/index.js' }, peerDependencies: { react: '>=18' }, devDependencies: { react: '^18.0.0' } }) });
    const c = await classifyProject(p);
    assert.equal(c.type, 'library');
    assert.ok(!c.alternatives.some((a) => a.type === 'web-app'), JSON.stringify(c.alternatives));
  });

  it('does not take a private app with "main" for a library', async () => {
    const p = await scanFixture(tmp(), 'site', { 'package.json': json({ name: 'site', private: true, main: 'server.js', dependencies: { express: '^4.0.0' } }), 'server.js': '' });
    const c = await classifyProject(p);
    assert.equal(c.type, 'api-service');
    assert.ok(!c.alternatives.some((a) => a.type === 'library'));
  });

  it('reads a server with a front end as a web app and one without as an API', async () => {
    const api = await classifyProject(await scanFixture(tmp(), 'api', { 'package.json': json({ name: 'api', private: true, dependencies: { fastify: '^5.0.0' } }) }));
    const web = await classifyProject(await scanFixture(tmp(), 'web', { 'package.json': json({ name: 'web', private: true, dependencies: { fastify: '^5.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' } }) }));
    assert.equal(api.type, 'api-service');
    assert.match(api.evidence[0] ?? '', /depends on fastify, a server framework, and nothing renders a UI/);
    assert.equal(web.type, 'web-app');
  });

  it('does not take a PWA web manifest for a browser extension, and does take a WebExtension manifest in src/', async () => {
    const pwa = await classifyProject(await scanFixture(tmp(), 'pwa', { 'package.json': json({ name: 'pwa', private: true, dependencies: { vue: '^3.0.0' }, devDependencies: { vite: '^7.0.0' } }), 'index.html': '<html></html>', 'public/manifest.json': json({ name: 'PWA', start_url: '/' }) }));
    assert.equal(pwa.type, 'web-app');
    const ext = await classifyProject(await scanFixture(tmp(), 'ext', { 'package.json': json({ name: 'ext', private: true, dependencies: { react: '^19.0.0' } }), 'src/manifest.json': json({ manifest_version: 3, name: 'X', version: '1.0', background: { service_worker: 'bg.js' }, content_scripts: [] }) }));
    assert.equal(ext.type, 'browser-extension');
    assert.match(ext.evidence[0] ?? '', /^src\/manifest\.json has "manifest_version": 3 and "background", "content_scripts"/);
  });

  it('says unknown, with the parse error, when package.json is malformed; the other clues stay as alternatives', async () => {
    const p = await scanFixture(tmp(), 'broken', { 'package.json': '{ "name": "broken", "bin": ', 'src/main.rs': '' });
    const c = await classifyProject(p);
    assert.equal(c.type, 'unknown');
    assert.equal(c.confidence, 0);
    assert.match(c.evidence[0] ?? '', /^Not classified: package\.json is not valid JSON/);
    assert.deepEqual(c.alternatives.map((a) => a.type), ['cli'], 'src/main.rs still says something');
  });

  it('says unknown with what it looked at when no rule matches', async () => {
    const p = await scanFixture(tmp(), 'notes', { 'Makefile': 'all:\n', 'notes.txt': 'hello' });
    const c = await classifyProject(p);
    assert.equal(c.type, 'unknown');
    assert.match(c.evidence[0] ?? '', /^No rule matched: .*top level: Makefile, notes\.txt/);
  });

  it('keeps a malformed file that is not the project manifest as a note', async () => {
    const p = await scanFixture(tmp(), 'app', { 'package.json': json({ name: 'app', private: true, dependencies: { 'react-dom': '^19.0.0', react: '^19.0.0' } }), 'public/manifest.json': '{ nope' });
    const c = await classifyProject(p);
    assert.equal(c.type, 'web-app');
    assert.ok(c.notes.some((n) => /public\/manifest\.json is not valid JSON/.test(n)), c.notes.join('\n'));
  });

  it('never throws: a folder that cannot be read or no longer exists is unknown', async () => {
    const gone = await classifyProject(project(path.join(tmp(), 'missing')));
    assert.equal(gone.type, 'unknown');
    assert.match(gone.evidence[0] ?? '', /^Not classified: the folder .*missing cannot be read \(ENOENT\)$/);
    if (process.getuid?.() === 0) return; // root reads anything; the missing folder above covers the path
    const locked = await scanFixture(tmp(), 'locked', { 'package.json': json({ name: 'x', bin: 'x.js' }) });
    await chmod(locked.path, 0o000);
    try {
      assert.equal((await classifyProject(locked)).type, 'unknown');
    } finally {
      await chmod(locked.path, 0o755);
    }
  });

  it('skips a rule that throws, with a note, and still classifies from the others', async () => {
    const p = await scanFixture(tmp(), 'lib', { 'package.json': json({ name: 'lib', version: '1.0.0', exports: './index.js' }) });
    const faulty: Rule = { id: 'faulty', type: 'game', weight: 1, test: () => { throw new Error('boom'); } };
    const c = await classifyProject(p, { rules: [faulty, ...RULES] });
    assert.equal(c.type, 'library');
    assert.ok(c.notes.includes('Classification rule faulty failed and was skipped: boom'));
  });

  it('notes that a monorepo is classified from its own files', async () => {
    const c = await classifyProject(project(tmp(), { children: [path.join(tmp(), 'a'), path.join(tmp(), 'b')] }));
    assert.ok(c.notes.some((n) => n.startsWith('A monorepo with 2 member project(s)')));
  });

  it('gives every rule a unique id and a weight in (0, 1]', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    for (const r of RULES) assert.ok(r.weight > 0 && r.weight <= 1, `${r.id}: ${r.weight}`);
  });
});
