import assert from 'node:assert/strict';
import type { AnalyzerFinding } from '../../../language-server/analyzer/types';
import { openProjectIssues, syncProjectIssues } from '../../../language-server/store/issuesRepo';
import { saveProjects } from '../../../language-server/store/projectsRepo';
import { Store } from '../../../language-server/store/store';
import { project } from '../helpers/project';

const finding = (ruleId: string, over: Partial<AnalyzerFinding> = {}): AnalyzerFinding => ({ ruleId, category: 'debt', severity: 'info', path: '/p/shop', line: 1, column: 1, message: ruleId, ...over });

describe('store: project-wide issues kept between analyses', () => {
  it('refuses a project it does not list, and skips rows another process damaged', async () => {
    const { store } = await Store.open(':memory:');
    assert.equal(await syncProjectIssues(store, '/p/unknown', [finding('debt/missing-readme')]), false);
    await saveProjects(store, [project('/p/shop')]);
    await syncProjectIssues(store, '/p/shop', [finding('debt/missing-readme'), finding('dependency/vulnerable', { category: 'security', severity: 'error', data: { dependency: 'left-pad', advisoryId: 'GHSA-x' } })]);
    await store.write((db) => {
      db.run("UPDATE issues SET data = '{not json' WHERE rule_id = 'dependency/vulnerable'");
      db.run("INSERT INTO issues (project_id, source, rule_id, severity, file, message, fingerprint, created_at) SELECT id, 'nonsense', 'x', 'info', '/p/shop', 'm', 'f', 'now' FROM projects");
    });
    const open = await openProjectIssues(store, '/p/shop');
    assert.deepEqual(open.map((f) => [f.ruleId, f.data]), [['debt/missing-readme', {}], ['dependency/vulnerable', {}]]);
    await store.close();
  });

  it('keeps the row (and when it was first found) of a finding seen again, resolves the gone, reopens the back', async () => {
    const { store } = await Store.open(':memory:');
    await saveProjects(store, [project('/p/shop')]);
    const readme = finding('debt/missing-readme');
    const license = finding('debt/missing-license');
    await syncProjectIssues(store, '/p/shop', [readme, license], new Date('2026-01-01T00:00:00Z'));
    await syncProjectIssues(store, '/p/shop', [readme], new Date('2026-02-01T00:00:00Z'));
    assert.deepEqual((await openProjectIssues(store, '/p/shop')).map((f) => f.ruleId), ['debt/missing-readme']);
    await syncProjectIssues(store, '/p/shop', [readme, license], new Date('2026-03-01T00:00:00Z'));
    const rows = await store.read((db) => db.exec('SELECT rule_id, created_at, resolved_at FROM issues ORDER BY id')[0]?.values);
    assert.deepEqual(rows, [['debt/missing-readme', '2026-01-01T00:00:00.000Z', null], ['debt/missing-license', '2026-01-01T00:00:00.000Z', null]]);
    await store.close();
  });

  it('forgets resolved issues after 90 days', async () => {
    const { store } = await Store.open(':memory:');
    await saveProjects(store, [project('/p/shop')]);
    await syncProjectIssues(store, '/p/shop', [finding('debt/old-todo', { line: 3 })], new Date('2026-01-01T00:00:00Z'));
    await syncProjectIssues(store, '/p/shop', [finding('debt/old-todo', { line: 4 })], new Date('2026-01-02T00:00:00Z'));
    const count = async () => store.read((db) => Number(db.exec('SELECT COUNT(*) FROM issues')[0]?.values[0]?.[0]));
    assert.equal(await count(), 2, 'the line-3 row is resolved, kept');
    await syncProjectIssues(store, '/p/shop', [finding('debt/old-todo', { line: 4 })], new Date('2026-04-03T00:00:00Z'));
    assert.equal(await count(), 1);
    await store.close();
  });
});
