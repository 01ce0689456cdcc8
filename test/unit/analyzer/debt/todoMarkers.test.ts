import assert from 'node:assert/strict';
import { todoMarkers } from '../../../../language-server/analyzer/debt/todoMarkers';

describe('TODO markers', () => {
  it('finds upper-case markers in line, block, hash and HTML comments, with 1-based positions', () => {
    const text = ['// TODO: one', 'const a = 1; /* FIXME two */', '/**', ' * HACK: three', ' */', '# XXX four', '<!-- TODO five -->', '-- TODO six'].join('\n');
    assert.deepEqual(todoMarkers(text).map((m) => [m.line, m.column, m.marker]), [
      [1, 4, 'TODO'], [2, 17, 'FIXME'], [4, 4, 'HACK'], [6, 3, 'XXX'], [7, 6, 'TODO'], [8, 4, 'TODO'],
    ]);
  });

  it('ignores markers outside comments, in other case, or inside words', () => {
    const text = ["const TODO = 'x';", 'todo(); // todo later', 'const s = "TODOS";', '// TODOLIST and MYTODO'].join('\n');
    assert.deepEqual(todoMarkers(text), []);
  });

  it('copes with empty and binary text and caps how many it returns', () => {
    assert.deepEqual(todoMarkers(''), []);
    assert.ok(Array.isArray(todoMarkers('\0\x01\xff// TODO\0')));
    assert.equal(todoMarkers('// TODO\n'.repeat(5000), 100).length, 100);
  });
});
