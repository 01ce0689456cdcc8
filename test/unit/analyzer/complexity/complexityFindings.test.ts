import assert from 'node:assert/strict';
import { complexityFindings } from '../../../../language-server/analyzer/complexity/complexityFindings';
import { measure } from './helpers';

const BRANCHY = `class Store {
  load(a, b, c) {
    if (a) {} if (b) {} if (c) {}
    for (const x of a) { if (x) { while (b) { if (c) {} } } }
    return a && b;
  }
  small() { return 1; }
}
`;

describe('complexity findings', () => {
  it('reports functions over the threshold with ESLint\'s wording, at the head, as quality warnings', () => {
    const findings = complexityFindings(measure(BRANCHY, '/p/store.js'), 5);
    const cyclomatic = findings.filter((f) => f.ruleId === 'complexity');
    assert.deepEqual(cyclomatic, [
      {
        ruleId: 'complexity',
        category: 'quality',
        severity: 'warning',
        path: '/p/store.js',
        line: 2,
        column: 3,
        message: "Method 'load' has a complexity of 9. Maximum allowed is 5.",
        data: { name: "method 'load'", complexity: 9, max: 5 },
      },
    ]);
  });

  it('reports nothing at or under the threshold (ESLint reports only above it)', () => {
    assert.deepEqual(complexityFindings(measure(BRANCHY, '/p/store.js'), 9).filter((f) => f.ruleId === 'complexity'), []);
  });

  it('reports cognitive complexity with its own threshold, 15 by default', () => {
    const metrics = measure(BRANCHY, '/p/store.js');
    const load = metrics.functions[0];
    assert.equal(load?.cognitive, 14);
    assert.deepEqual(complexityFindings(metrics, 100).filter((f) => f.ruleId === 'complexity/cognitive'), []);
    const [finding] = complexityFindings(metrics, 100, 10);
    assert.equal(finding?.ruleId, 'complexity/cognitive');
    assert.equal(finding?.message, "Method 'load' has a cognitive complexity of 14. Maximum allowed is 10.");
    assert.deepEqual([finding?.line, finding?.column, finding?.category, finding?.severity], [2, 3, 'quality', 'warning']);
    assert.deepEqual(finding?.data, { name: "method 'load'", cognitive: 14, max: 10 });
  });

  it('words class field initializers and static blocks as ESLint does', () => {
    const findings = complexityFindings(measure('class A { x = a || b; static { if (a) {} } }', '/p/a.js'), 1);
    assert.deepEqual(findings.map((f) => f.message), [
      'Class field initializer has a complexity of 2. Maximum allowed is 1.',
      'Class static block has a complexity of 2. Maximum allowed is 1.',
    ]);
  });
});
