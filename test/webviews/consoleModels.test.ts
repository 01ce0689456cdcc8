import assert from 'node:assert/strict';
import type { DiagnoseResult } from '../../language-server/protocol';
import type { HistoryRow } from '../../language-server/store/troubleshootingRepo';
import { clipboardText, diagnosisInfo, historyEntries, userFrames } from '../../extension/webviews/consoleModels';
import { isConsoleMessage, LIMITS } from '../../webviews/console/protocol';

function result(over: Partial<DiagnoseResult['diagnosis']> = {}, rest: Partial<DiagnoseResult> = {}): DiagnoseResult {
  return {
    diagnosis: {
      id: 'port-in-use',
      title: 'Port already in use',
      confidence: 0.9,
      summary: 'Port 3000 is already taken.',
      explanation: 'Another process listens on it.',
      fixes: [{ key: 'command:stop-port', title: 'Stop it', kind: 'command', action: 'stop-port' }],
      frames: [
        { file: 'node:net', line: 1817, column: 16, function: 'setupListenHandle', userCode: false, runtime: 'node', textLine: 1 },
        { file: 'src/server.js', line: 12, column: 7, function: 'startServer', userCode: true, runtime: 'node', textLine: 2 },
        { file: 'lib/boot.js', line: 3, column: null, function: null, userCode: true, runtime: 'node', textLine: 3 },
      ],
      alternatives: [{ id: 'connection-refused', confidence: 0.2 }],
      line: 0,
      captures: { port: '3000' },
      by: 'rules',
      ...over,
    },
    projectPath: '/home/dev/shop',
    userFrame: { file: '/home/dev/shop/src/server.js', line: 12, column: 7 },
    historyId: 41,
    ...rest,
  };
}

describe('console host models (what the host sends the page)', () => {
  it('sends only the frames in the user code, the first with the server’s checked path, the rest resolved in the project', () => {
    const info = diagnosisInfo(1, result());
    assert.deepEqual(
      info.frames.map((f) => `${f.file}:${f.line}`),
      ['/home/dev/shop/src/server.js:12', '/home/dev/shop/lib/boot.js:3'],
    );
    assert.equal(userFrames(result())[1]?.file, '/home/dev/shop/lib/boot.js');
    assert.equal(isConsoleMessage({ type: 'diagnosis', diagnosis: info }), true);
  });

  it('says who holds a taken port in the summary, as the notification does', () => {
    const info = diagnosisInfo(1, result({}, { portOwners: { processes: [{ pid: 4121, ppid: 1, command: '/usr/bin/node server.js', projectPath: '/home/dev/shop', ports: [3000], cpuPercent: null, memoryBytes: 0, startedAt: '2025-01-01T00:00:00.000Z' }], containers: [] } }));
    assert.match(info.summary, /It is held by node \(pid 4121, project shop\)\./);
  });

  it('cuts long strings to the protocol’s bounds, so the page takes the message', () => {
    const info = diagnosisInfo(1, result({ title: 't'.repeat(LIMITS.shortText * 2), explanation: 'e'.repeat(LIMITS.longText * 2) }));
    assert.equal(info.title.length, LIMITS.shortText);
    assert.equal(info.explanation.length, LIMITS.longText);
    assert.equal(isConsoleMessage({ type: 'diagnosis', diagnosis: info }), true);
  });

  it('leaves out a history row the page would refuse instead of the whole list', () => {
    const row = (id: number, diagnosis: string): HistoryRow => ({ id, diagnosis, projectPath: null, confidence: 0.5, source: 'input', summary: 's', excerpt: 'e', terms: '', createdAt: '2025-01-01T00:00:00.000Z', feedback: null, confirmed: null, outcomes: [] });
    const rows = historyEntries([row(2, 'port-in-use'), row(1, 'not an id')]);
    assert.deepEqual(rows.map((r) => r.id), [2]);
    assert.equal(isConsoleMessage({ type: 'history', project: null, rows }), true);
  });

  it('keeps the tail of a clipboard longer than the protocol carries', () => {
    const text = `${'x'.repeat(LIMITS.errorText)}Error: the end`;
    assert.equal(clipboardText(text).length, LIMITS.errorText);
    assert.ok(clipboardText(text).endsWith('Error: the end'));
  });
});
