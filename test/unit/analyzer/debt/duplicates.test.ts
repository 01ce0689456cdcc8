import assert from 'node:assert/strict';
import { duplicateFindings } from '../../../../language-server/analyzer/debt/duplicateFindings';
import { findDuplicates } from '../../../../language-server/analyzer/debt/duplicates';
import { languageOf } from '../../../../language-server/analyzer/source';
import type { SourceInput } from '../../../../language-server/analyzer/types';

const src = (path: string, text: string): SourceInput => ({ path, text, language: languageOf(path) });

/** A function of 11 lines of code with ~100 tokens; `name` and `unit` vary between copies. */
const fn = (name: string, unit: string): string => `export function ${name}(items, limit) {
  const out = [];
  for (const item of items) {
    if (item.size > limit && item.visible !== false) {
      out.push({ id: item.id, label: \`\${item.name} (\${item.size} ${unit})\`, tags: item.tags.slice(0, 3) });
    } else if (/^draft-/.test(item.name) || item.size === 0) {
      out.push({ ...item, hidden: true, reason: 'draft or empty' });
    }
  }
  return out.sort((a, b) => a.id - b.id).map((entry) => ({ ...entry, rank: out.indexOf(entry) + 1 }));
}
`;

describe('duplicate blocks', () => {
  describe('bad inputs', () => {
    it('handles empty, binary, unparsable and unterminated files without throwing', () => {
      const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      const pairs = findDuplicates([
        src('/p/empty.ts', ''),
        src('/p/blob.js', binary),
        src('/p/broken.ts', 'function ( {{{ `unterminated ${ template'),
        src('/p/regex.js', 'const r = /[/]`/g; const s = "unterminated\n'),
        src('/p/notes.md', fn('a', 'kb')),
      ]);
      assert.deepEqual(pairs, []);
    });

    it('skips files over 1 MB', () => {
      const big = fn('a', 'kb') + '\n'.repeat(1_100_000);
      assert.deepEqual(findDuplicates([src('/p/big.ts', big), src('/p/b.ts', fn('b', 'kb'))]), []);
    });

    it('gets through 100,000 lines, finding the one copied function', () => {
      const filler = (seed: number) => Array.from({ length: 5000 }, (_, i) => `const v${seed}_${i} = compute(${i}, '${seed}') + ${i % 7} * other${i % 3}(v${i});`).join('\n');
      const sources = Array.from({ length: 20 }, (_, i) => src(`/p/f${i}.ts`, `${filler(i)}\n${i === 3 || i === 17 ? fn(`f${i}`, 'kb') : ''}`));
      const pairs = findDuplicates(sources);
      assert.deepEqual(pairs.map((p) => [p.first.path, p.second.path]), [['/p/f3.ts', '/p/f17.ts']]);
    });
  });

  it('finds a renamed copy across files, with both locations', () => {
    const a = `import { x } from 'y';\n\n${fn('alpha', 'kb')}`;
    const b = `// helpers\n\n\n\n${fn('beta', 'mb')}`;
    const [pair, ...rest] = findDuplicates([src('/p/a.ts', a), src('/p/b.ts', b)]);
    assert.equal(rest.length, 0);
    assert.deepEqual(pair?.first, { path: '/p/a.ts', startLine: 3, endLine: 13 });
    assert.deepEqual(pair?.second, { path: '/p/b.ts', startLine: 5, endLine: 15 });
    assert.equal(pair?.lines, 11);
    assert.equal(pair?.exact, false);
  });

  it('tells an exact copy, and finds copies in one file that do not overlap', () => {
    const [cross] = findDuplicates([src('/p/a.js', fn('same', 'kb')), src('/p/b.js', fn('same', 'kb'))]);
    assert.equal(cross?.exact, true);
    const [inFile] = findDuplicates([src('/p/a.ts', `${fn('one', 'kb')}\nconst gap = 1;\n${fn('two', 'kb')}`)]);
    assert.deepEqual([inFile?.first.startLine, inFile?.second.startLine], [1, 14]);
  });

  it('matches across JS and TS and ignores comments, blank lines and formatting inside lines', () => {
    const ts = fn('a', 'kb').replace('const out = [];', 'const out = [];   // collected\n\n  /* note */');
    assert.equal(findDuplicates([src('/p/a.js', fn('b', 'kb')), src('/p/b.ts', ts)]).length, 1);
  });

  it('leaves alone imports, requires, data tables, short runs and a run repeated inside itself', () => {
    const imports = Array.from({ length: 12 }, (_, i) => `import { thing${i}, other${i} as alias${i} } from './module-number-${i}';`).join('\n');
    const requires = Array.from({ length: 12 }, (_, i) => `const { thing${i}, other${i} } = require('./module-number-${i}');`).join('\n');
    const table = `export const rows = [\n${Array.from({ length: 40 }, (_, i) => `  { id: ${i}, name: 'row ${i}', weight: ${i * 3}, enabled: true, tags: ['a', 'b'] },`).join('\n')}\n];`;
    const short = 'function f(a, b) {\n  const c = a + b * 2 - compute(a, b, { mode: "fast" });\n  return c;\n}';
    const sources = [
      src('/p/a.ts', `${imports}\n${requires}\n${table}\n${short}`),
      src('/p/b.ts', `${imports}\n${requires}\n${table.replace('rows', 'cols')}\n${short}`),
    ];
    assert.deepEqual(findDuplicates(sources), []);
  });

  it('reads Python and Go too, without their comments, docstrings and imports', () => {
    const py = (name: string) => `import os\nfrom x import y\n\ndef ${name}(items, limit):\n    """Docstring\n    spanning lines."""\n    out = []  # result\n    for item in items:\n        if item.size > limit and item.visible:\n            out.append({"id": item.id, "label": f"{item.name} ({item.size})", "tags": item.tags[:3]})\n        elif item.name.startswith("draft-") or item.size == 0:\n            out.append(dict(item, hidden=True, reason="draft or empty"))\n    out.sort(key=lambda e: e["id"])\n    return [dict(e, rank=i + 1) for i, e in enumerate(out)]\n`;
    const pairs = findDuplicates([src('/p/a.py', py('alpha')), src('/p/b.py', `# other\n${py('beta')}`)]);
    assert.deepEqual(pairs.map((p) => [p.first.startLine, p.second.startLine, p.exact]), [[4, 5, false]]);
    const go = (name: string) => `package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc ${name}(items []Item, limit int) []Item {\n\tout := []Item{}\n\tfor _, item := range items {\n\t\tif item.Size > limit && item.Visible { // big\n\t\t\tout = append(out, Item{ID: item.ID, Label: fmt.Sprintf("%s (%d)", item.Name, item.Size)})\n\t\t} else if strings.HasPrefix(item.Name, "draft-") || item.Size == 0 {\n\t\t\tout = append(out, Item{ID: item.ID, Hidden: true, Reason: "draft or empty"})\n\t\t}\n\t}\n\tsort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })\n\treturn out\n}\n`;
    assert.equal(findDuplicates([src('/p/a.go', go('A')), src('/p/b.go', go('B'))]).length, 1);
  });

  it('respects minLines, minTokens and maxPairs', () => {
    const sources = [src('/p/a.ts', fn('a', 'kb')), src('/p/b.ts', fn('b', 'kb')), src('/p/c.ts', fn('c', 'kb'))];
    assert.equal(findDuplicates(sources).length, 2);
    assert.equal(findDuplicates(sources, { maxPairs: 1 }).length, 1);
    assert.equal(findDuplicates(sources, { minLines: 12 }).length, 0);
    assert.equal(findDuplicates(sources, { minTokens: 500 }).length, 0);
  });

  it('reports each pair once, on the later copy, pointing at the earlier one', () => {
    const pairs = findDuplicates([src('/p/src/a.ts', fn('same', 'kb')), src('/p/src/b.ts', fn('same', 'kb'))]);
    const [f] = duplicateFindings(pairs, '/p');
    assert.equal(f?.ruleId, 'debt/duplicate-block');
    assert.equal(f?.category, 'debt');
    assert.deepEqual([f?.path, f?.line, f?.endLine], ['/p/src/b.ts', 1, 12]);
    assert.match(f?.message ?? '', /These 11 lines of code repeat src\/a\.ts:1–11/);
    assert.deepEqual(f?.data, { otherPath: '/p/src/a.ts', otherLine: 1, otherEndLine: 11, lines: 11, tokens: pairs[0]?.tokens, exact: true });
  });
});
