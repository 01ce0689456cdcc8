import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { duplicateFindings } from '../../../../language-server/analyzer/debt/duplicateFindings';
import { findDuplicates } from '../../../../language-server/analyzer/debt/duplicates';
import { readSources } from '../../../../language-server/analyzer/debt/readSources';
import { remediationMinutes } from '../../../../language-server/analyzer/debt/remediation';
import { useTempDir } from '../../helpers/tempDir';
import { writeTree } from '../../helpers/files';

const handler = (name: string, table: string): string => `export async function ${name}(req, res) {
  const page = Number(req.query.page ?? 1);
  const size = Math.min(Number(req.query.size ?? 20), 100);
  const rows = await db.query(\`SELECT * FROM ${table} LIMIT $1 OFFSET $2\`, [size, (page - 1) * size]);
  if (rows.length === 0 && page > 1) {
    return res.status(404).json({ error: 'page out of range', page, size });
  }
  const total = await db.count('${table}');
  res.set('X-Total-Count', String(total));
  return res.json({ items: rows.map((r) => ({ ...r, href: \`/${table}/\${r.id}\` })), page, size, total });
}
`;

describe('duplicate blocks in real files', () => {
  const tmp = useTempDir('duplicates');

  it('reads a project\'s files, skips binary, huge and minified ones with notes, and reports the copied handler', async () => {
    const dir = tmp();
    await writeTree(dir, {
      'src/users.js': `import db from './db.js';\n\n${handler('listUsers', 'users')}`,
      'src/orders.ts': `// orders\nimport db from './db';\n${handler('listOrders', 'orders')}\nexport const x = 1;\n`,
      'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n',
      'dist/app.min.js': `${handler('a', 'b').replace(/\n/g, ' ')};`.repeat(200),
    });
    await writeFile(path.join(dir, 'src/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    await writeFile(path.join(dir, 'src/big.js'), handler('big', 'users') + '// pad\n'.repeat(200_000));
    const files = ['src/users.js', 'src/orders.ts', 'src/util.ts', 'src/logo.png', 'src/big.js', 'dist/app.min.js', 'src/gone.js'].map((f) => path.join(dir, f));

    const { sources, notes } = await readSources(files);
    assert.deepEqual(sources.map((s) => path.relative(dir, s.path)), ['src/users.js', 'src/orders.ts', 'src/util.ts']);
    assert.equal(notes.length, 4);
    assert.match(notes.join('\n'), /logo\.png was skipped: it is binary/);
    assert.match(notes.join('\n'), /big\.js was skipped: 1\.\d MB is over the 1\.0 MB limit/);
    assert.match(notes.join('\n'), /app\.min\.js was skipped: it looks minified/);
    assert.match(notes.join('\n'), /gone\.js was skipped: .*ENOENT/);

    const findings = duplicateFindings(findDuplicates(sources), dir);
    assert.deepEqual(findings.map((f) => [path.relative(dir, f.path), f.line, f.endLine, f.data?.otherLine, f.data?.exact]), [['src/orders.ts', 3, 14, 3, false]]);
    assert.match(findings[0]?.message ?? '', /These 11 lines of code have the same shape as src\/users\.js:3–13/);
    assert.equal(Math.round(remediationMinutes(findings[0] ?? assert.fail()) * 10) / 10, 11.1);
  });
});
