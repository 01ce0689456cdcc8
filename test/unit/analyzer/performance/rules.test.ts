import assert from 'node:assert/strict';
import { PERFORMANCE_RULES } from '../../../../language-server/analyzer/performance/rules';

describe('PERFORMANCE_RULES', () => {
  it('gives every rule an id under performance/, a title, a one-line explanation and a severity', () => {
    for (const [id, rule] of Object.entries(PERFORMANCE_RULES)) {
      assert.match(id, /^performance\/[a-z-]+$/);
      assert.ok(rule.title.length > 0, id);
      assert.ok(rule.explanation.length > 20 && !rule.explanation.includes('\n'), id);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), id);
    }
  });
});
