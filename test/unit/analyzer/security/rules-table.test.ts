import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SECURITY_RULES } from '../../../../language-server/analyzer/security/securityRules';

const SOURCE_DIR = path.join(__dirname, '../../../../language-server/analyzer/security');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('security rule table', () => {
  it('explains every rule id the scanners can emit, in one line each', () => {
    const emitted = new Set(sources(SOURCE_DIR).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'((?:secret|security)\/[a-z-]+)'/g)].map((m) => m[1] as string)));
    assert.ok(emitted.size >= 25, `only ${emitted.size} rule ids found in the sources`);
    for (const id of emitted) assert.ok(SECURITY_RULES[id], `${id} has no entry in SECURITY_RULES`);
    for (const [id, doc] of Object.entries(SECURITY_RULES)) {
      assert.ok(doc.title && doc.explanation && !doc.explanation.includes('\n'), id);
      assert.ok(['error', 'warning', 'info'].includes(doc.severity), id);
    }
  });
});
