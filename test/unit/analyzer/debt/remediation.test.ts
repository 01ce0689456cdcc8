import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_MINUTES, REMEDIATION, remediationMinutes, remediationRule } from '../../../../language-server/analyzer/debt/remediation';
import { DEBT_RULES } from '../../../../language-server/analyzer/debt/rules';
import { PERFORMANCE_RULES } from '../../../../language-server/analyzer/performance/rules';
import { finding } from './fixtures';

describe('remediation minutes', () => {
  it('matches exact ids, then the longest prefix, then the category default', () => {
    assert.equal(remediationRule('performance/await-in-loop')?.match, 'performance/await-in-loop');
    assert.equal(remediationRule('performance/sync-fs-in-handler')?.match, 'performance/');
    assert.equal(remediationRule('eslint/complexity')?.match, 'eslint/complexity');
    assert.equal(remediationRule('eslint/no-unused-vars')?.match, 'eslint/');
    assert.equal(remediationRule('secret/aws-access-key')?.match, 'secret/');
    assert.equal(remediationRule('complexityish'), undefined);
    assert.equal(remediationMinutes(finding('@typescript-eslint/no-explicit-any')), CATEGORY_MINUTES.quality);
    assert.equal(remediationMinutes(finding('whatever', { category: 'security' })), CATEGORY_MINUTES.security);
  });

  it('adds a minute per complexity point over the threshold, from data or from ESLint\'s message', () => {
    assert.equal(remediationMinutes(finding('complexity', { data: { complexity: 27, threshold: 20 } })), 17);
    assert.equal(remediationMinutes(finding('complexity/cognitive', { data: { cognitive: 18, max: 15 } })), 13);
    assert.equal(remediationMinutes(finding('eslint/complexity', { message: "Function 'f' has a complexity of 23. Maximum allowed is 20." })), 13);
    assert.equal(remediationMinutes(finding('complexity', { message: 'no numbers here' })), 10);
  });

  it('counts duplicated lines and major versions behind', () => {
    assert.equal(remediationMinutes(finding('debt/duplicate-block', { data: { lines: 40 } })), 14);
    assert.equal(remediationMinutes(finding('debt/outdated-dependency', { data: { majorsBehind: 3 } })), 70);
  });

  it('charges one minute for a finding that comes with a safe fix', () => {
    assert.equal(remediationMinutes(finding('performance/heavy-import', { fix: { title: 't', edits: [] } })), 1);
  });

  it('never returns a negative or non-finite figure for odd data', () => {
    const odd = [
      finding('complexity', { data: { complexity: 5, threshold: 20 } }),
      finding('debt/duplicate-block', { data: { lines: -5 } }),
      finding('complexity', { data: { complexity: Number.NaN, threshold: 1 } }),
      finding('debt/outdated-dependency', { data: { majorsBehind: 'many' } }),
    ];
    for (const f of odd) {
      const m = remediationMinutes(f);
      assert.ok(Number.isFinite(m) && m >= 0, `${f.ruleId}: ${m}`);
    }
  });

  it('has a row for every debt rule and a specific or prefix row for every performance rule', () => {
    const debtRows = REMEDIATION.filter((r) => r.match.startsWith('debt/')).map((r) => r.match).sort();
    assert.deepEqual(debtRows, Object.keys(DEBT_RULES).sort());
    for (const [id, rule] of Object.entries(DEBT_RULES)) assert.ok(rule.title && rule.explanation && rule.severity, id);
    for (const id of Object.keys(PERFORMANCE_RULES)) assert.ok(remediationRule(id), id);
  });

  it('is documented row by row in HEALTH.md', () => {
    const doc = readFileSync(path.join(__dirname, '../../../../language-server/analyzer/debt/HEALTH.md'), 'utf8');
    for (const rule of REMEDIATION) {
      assert.ok(doc.includes(`\`${rule.match}\``), `${rule.match} is not in HEALTH.md`);
      assert.ok(doc.includes(`| ${rule.minutes} |`), `${rule.minutes} minutes of ${rule.match} are not in HEALTH.md`);
    }
  });
});
