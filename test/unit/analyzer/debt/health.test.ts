import assert from 'node:assert/strict';
import { HEALTH, healthScore } from '../../../../language-server/analyzer/debt/health';
import { finding, metrics } from './fixtures';

const part = (score: ReturnType<typeof healthScore>, name: string) => score.parts.find((p) => p.name === name);

describe('health score', () => {
  it('is 100 for maintainable code without findings that passes every project check', () => {
    const score = healthScore({ metrics: [metrics(2000, 70)], findings: [], projectChecked: true });
    assert.equal(score.score, 100);
    assert.deepEqual(score.parts.map((p) => [p.name, p.points, p.max]), [
      ['Maintainability', 25, 25],
      ['Security findings', 20, 20],
      ['Code findings', 20, 20],
      ['Technical debt', 20, 20],
      ['Project hygiene', 15, 15],
    ]);
    assert.ok(score.parts.every((p) => p.why.length > 10));
  });

  it('maps the maintainability index linearly between 20 (no points) and 65 (all)', () => {
    const at = (mi: number) => part(healthScore({ metrics: [metrics(1000, mi)], findings: [], projectChecked: false }), 'Maintainability')?.points;
    assert.deepEqual([at(10), at(20), at(42.5), at(65), at(90)], [0, 0, 12.5, 25, 25]);
  });

  it('weights files by their lines of code and ignores files without an index', () => {
    const score = healthScore({ metrics: [metrics(900, 65), metrics(100, 20, '/b.ts'), metrics(50, null, '/c.ts')], findings: [], projectChecked: false });
    assert.match(part(score, 'Maintainability')?.why ?? '', /60\.5 over 2 files/);
  });

  it('weighs a security finding three times a code finding of the same severity', () => {
    const input = { metrics: [metrics(1000)], projectChecked: false };
    const security = part(healthScore({ ...input, findings: [finding('security/eval', { severity: 'error' })] }), 'Security findings');
    const quality = part(healthScore({ ...input, findings: [finding('eslint/no-eval', { severity: 'error' })] }), 'Code findings');
    // error 5 × 3 = 15 per KLOC → 20 / (1 + 1.5) = 8; error 5 × 1 → 20 / 1.5 = 13.3.
    assert.deepEqual([security?.points, quality?.points], [8, 13.3]);
  });

  it('counts a project under 1 KLOC as 1 KLOC', () => {
    const tiny = healthScore({ metrics: [metrics(20)], findings: [finding('eslint/x')], projectChecked: false });
    const small = healthScore({ metrics: [metrics(1000)], findings: [finding('eslint/x')], projectChecked: false });
    assert.equal(part(tiny, 'Code findings')?.points, part(small, 'Code findings')?.points);
  });

  it('takes points for each failed project check, once per check, and explains which', () => {
    const findings = [finding('debt/missing-tests'), finding('debt/missing-ci'), finding('debt/unpinned-dependency'), finding('debt/unpinned-dependency'), finding('debt/missing-lockfile')];
    const hygiene = part(healthScore({ metrics: [metrics(1000)], findings, projectChecked: true }), 'Project hygiene');
    assert.equal(hygiene?.points, 15 - 5 - 3 - 2);
    assert.match(hygiene?.why ?? '', /tests \(−5\).*CI \(−3\).*pinned dependencies \(−2\)/);
  });

  it('leaves out what was not measured and scales the rest to 100', () => {
    const score = healthScore({ metrics: [], findings: [], projectChecked: false });
    assert.deepEqual(score.parts.map((p) => p.name), ['Security findings', 'Code findings', 'Technical debt']);
    assert.equal(score.score, 100);
    const withDebt = healthScore({ metrics: [metrics(1000, 65)], findings: [], projectChecked: false, debt: { minutes: 99_999, ratio: 3.3, rating: 'E' } });
    assert.equal(withDebt.score, Math.round((100 * (25 + 20 + 20 + 0)) / 85));
  });

  it('survives broken metrics records', () => {
    const score = healthScore({ metrics: [metrics(Number.NaN, Number.NaN), metrics(-3, 50)], findings: [finding('eslint/x')], projectChecked: true });
    assert.ok(Number.isInteger(score.score) && score.score >= 0 && score.score <= 100);
    assert.ok(score.parts.every((p) => Number.isFinite(p.points)));
  });

  it('keeps its maxima at 100 in all', () => {
    assert.equal(HEALTH.maintainability.max + HEALTH.security.max + HEALTH.findings.max + HEALTH.debt.max + HEALTH.project.max, 100);
  });
});
