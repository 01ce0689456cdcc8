import assert from 'node:assert/strict';
import { disableLineEdit, disableRuleOf } from '../../../../language-server/analyzer/lint/disableLine';
import { applyEdits } from '../../../../language-server/analyzer/lint/fixAll';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';

const finding = (ruleId: string, line: number, path = '/p/a.js'): AnalyzerFinding => ({ ruleId, category: 'quality', severity: 'warning', path, line, column: 1, message: 'm' });
const disable = (text: string, f: AnalyzerFinding, reason = 'why'): string | null => {
  const edit = disableLineEdit(text, f, reason);
  return edit ? applyEdits(text, [edit]) : null;
};

describe('lint: disable for this line', () => {
  it('inserts a directive above the line at its indentation, with the reason', () => {
    assert.equal(disable('if (a) {\n\t  foo();\n}\n', finding('eslint/no-undef', 2)), 'if (a) {\n\t  // eslint-disable-next-line no-undef -- why\n\t  foo();\n}\n');
  });

  it('keeps CRLF line endings and puts line 1 after a byte-order mark', () => {
    assert.equal(disable('\uFEFFfoo();\r\nbar();\r\n', finding('eslint/no-undef', 1)), '\uFEFF// eslint-disable-next-line no-undef -- why\r\nfoo();\r\nbar();\r\n');
  });

  it("uses a plugin's rule id as is and leaves out an empty reason; reasons become one line", () => {
    assert.equal(disable('let x: any;\n', finding('@typescript-eslint/no-explicit-any', 1, '/p/a.ts'), ''), '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nlet x: any;\n');
    assert.equal(disable('x;\n', finding('eslint/no-undef', 1), 'two\nlines  here '), '// eslint-disable-next-line no-undef -- two lines here\nx;\n');
  });

  it('extends a directive already on the line above instead of adding a second one', () => {
    const text = '  // eslint-disable-next-line no-undef -- legacy\n  var x = y;\n';
    assert.equal(disable(text, finding('eslint/no-var', 2), 'later'), '  // eslint-disable-next-line no-undef, no-var -- legacy; later\n  var x = y;\n');
    assert.equal(disableLineEdit(text, finding('eslint/no-undef', 2), 'again'), null);
    const block = '/* eslint-disable-next-line no-undef */\nvar x = y;\n';
    assert.equal(disable(block, finding('eslint/no-var', 2)), '/* eslint-disable-next-line no-undef, no-var -- why */\nvar x = y;\n');
  });

  it('uses {/* */} inside JSX children, // elsewhere in a JSX file', () => {
    const text = 'const v = (\n  <div\n    title={t}>\n    <b>{x}</b>\n    text {y}\n  </div>\n);\n';
    assert.equal(disable(text, finding('eslint/no-undef', 4, '/p/v.jsx')), text.replace('    <b>', '    {/* eslint-disable-next-line no-undef -- why */}\n    <b>'));
    assert.equal(disable(text, finding('eslint/no-undef', 5, '/p/v.jsx')), text.replace('    text', '    {/* eslint-disable-next-line no-undef -- why */}\n    text'));
    assert.equal(disable(text, finding('eslint/no-undef', 3, '/p/v.jsx')), text.replace('    title', '    // eslint-disable-next-line no-undef -- why\n    title'));
    assert.equal(disable(text, finding('eslint/no-undef', 2, '/p/v.jsx')), text.replace('  <div', '  // eslint-disable-next-line no-undef -- why\n  <div'));
    assert.equal(disable('<a>{/* */}</a>;\n', finding('eslint/no-undef', 1, '/p/v.tsx'), 'a */ b'), '// eslint-disable-next-line no-undef -- a */ b\n<a>{/* */}</a>;\n');
  });

  it('refuses where no comment can go or none applies: inside a template literal, past the end, parse errors, TS diagnostics', () => {
    assert.equal(disableLineEdit('const s = `a\n${x}\nb`;\n', finding('eslint/no-undef', 2), 'r'), null);
    assert.notEqual(disableLineEdit('const s = `a ${\n  x\n}`;\n', finding('eslint/no-undef', 2), 'r'), null); // inside ${ } is code
    assert.equal(disableLineEdit('x;\n', finding('eslint/no-undef', 9), 'r'), null);
    assert.equal(disableRuleOf(finding('eslint/parse-error', 1)), null);
    assert.equal(disableRuleOf(finding('ts/2322', 1)), null);
    assert.equal(disableRuleOf({ ruleId: 'eslint/x', data: { disableRule: 'react/x' } }), 'react/x');
  });
});
