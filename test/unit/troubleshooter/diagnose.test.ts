import assert from 'node:assert/strict';
import { ErrorClassifier } from '../../../language-server/troubleshooter/classifier';
import { diagnose } from '../../../language-server/troubleshooter/diagnose';
import { parseKnowledgeFile } from '../../../language-server/troubleshooter/knowledgeFile';
import type { KnowledgeEntry } from '../../../language-server/troubleshooter/types';

const entry = (id: string, patterns: string, extra = ''): KnowledgeEntry =>
  parseKnowledgeFile(id, `title: ${id}\nsummary: '${id} on {port}.'\nexplanation: x\npatterns:\n${patterns}${extra}`, `${id}.yaml`);

const PORT = entry('port-in-use', "  - regex: 'EADDRINUSE[^\\n]*?:(?<port>\\d+)'\n", `fixes:
  - title: Stop what listens on port {port}
    kind: command
    action: stop-port
  - title: Install {package}
    kind: command
    command: npm install {package}
  - title: Use another port
    kind: guide
    guide: Pick another.
examples:
  - 'listen EADDRINUSE address already in use 3000 server cannot bind'
`);
const REFUSED = entry('connection-refused', "  - 'ECONNREFUSED'\n", "examples:\n  - 'connect ECONNREFUSED 127.0.0.1:5432 database client could not reach postgres'\n");
const GENERIC = entry('permission-denied', "  - regex: 'permission denied'\n    weight: 0.7\n", "excludes:\n  - 'publickey'\n");

describe('troubleshooter: reading a text', () => {
  it('says unknown, with no fixes, for text that names no cause, and for empty, binary and huge input', () => {
    for (const text of ['', 'all good: 12 tests passed', '\u0000\u0001\u0002\uFFFD'.repeat(1000), 'x'.repeat(5 * 1024 * 1024)]) {
      const d = diagnose(text, [PORT, REFUSED]);
      assert.deepEqual([d.id, d.fixes, d.by, d.line], ['unknown', [], 'none', null]);
    }
  });

  it('fills the facts the text gave into the summary and fixes, and leaves out fixes it cannot fill', () => {
    const d = diagnose('Error: listen EADDRINUSE: address already in use :::3000', [PORT]);
    assert.equal(d.summary, 'port-in-use on 3000.');
    assert.deepEqual(d.fixes.map((f) => f.title), ['Stop what listens on port 3000', 'Use another port'], 'no {package} in this text: that fix is left out');
    assert.equal(d.fixes[0]?.action, 'stop-port');
    assert.deepEqual([d.line, d.by], [0, 'rules']);
  });

  it('prefers the fatal error to a warning, and the first cause named to a later one of the same strength', () => {
    const warningFirst = 'npm WARN something ECONNREFUSED earlier\nError: listen EADDRINUSE :::3000';
    assert.equal(diagnose(warningFirst, [PORT, REFUSED]).id, 'port-in-use');
    const twoFatal = 'Error: connect ECONNREFUSED 127.0.0.1:6379\nError: listen EADDRINUSE :::3000';
    const d = diagnose(twoFatal, [PORT, REFUSED]);
    assert.equal(d.id, 'connection-refused');
    assert.deepEqual(d.alternatives.map((a) => a.id), ['port-in-use']);
    assert.ok(d.confidence < 1);
  });

  it('a strong specific pattern beats a weak generic one on an earlier line', () => {
    const text = 'sh: permission denied while reading cache (ignored)\nError: listen EADDRINUSE :::8080';
    assert.equal(diagnose(text, [PORT, GENERIC]).id, 'port-in-use');
  });

  it('a "Caused by" line names the real cause', () => {
    const text = 'Exception in thread "main" java.lang.RuntimeException: permission denied opening config\nCaused by: java.net.ConnectException: ECONNREFUSED';
    assert.equal(diagnose(text, [REFUSED, entry('permission-denied', "  - 'permission denied'\n")]).id, 'connection-refused');
  });

  it('ignores a pattern on a line an exclusion claims', () => {
    assert.equal(diagnose('git@github.com: Permission denied (publickey).', [GENERIC]).id, 'unknown');
  });

  it('falls back to the classifier for a text no pattern names, and learns from a confirmed one', () => {
    const classifier = new ErrorClassifier([...PORT.examples.map((text) => ({ id: PORT.id, text })), ...REFUSED.examples.map((text) => ({ id: REFUSED.id, text }))]);
    const fallback = (text: string) => classifier.classify(text);
    const guess = diagnose('postgres database client could not reach the server', [PORT, REFUSED], { fallback });
    assert.deepEqual([guess.id, guess.by], ['connection-refused', 'classifier']);
    assert.ok(guess.confidence > 0 && guess.confidence <= 0.7);
    const odd = 'quux frobnicator wobble';
    assert.equal(diagnose(odd, [PORT, REFUSED], { fallback }).id, 'unknown');
    classifier.add({ id: 'port-in-use', text: 'quux frobnicator wobble detected' });
    assert.equal(diagnose(odd, [PORT, REFUSED], { fallback }).id, 'port-in-use');
  });

  it('a boost from learning reorders close candidates', () => {
    const twoFatal = 'Error: connect ECONNREFUSED 127.0.0.1:6379\nError: listen EADDRINUSE :::3000';
    assert.equal(diagnose(twoFatal, [PORT, REFUSED], { boost: (id) => (id === 'port-in-use' ? 1.3 : 1) }).id, 'port-in-use');
  });

  it('parses the stack into frames and marks the user code', () => {
    const text = "Error: Cannot find module 'x'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)\n    at Object.<anonymous> (/home/me/app/index.js:3:1)\n    at Module._compile (node:internal/modules/cjs/loader:1364:14)";
    const d = diagnose(text, [PORT]);
    const user = d.frames.filter((f) => f.userCode);
    assert.deepEqual(user.map((f) => [f.file, f.line, f.column]), [['/home/me/app/index.js', 3, 1]]);
  });
});
