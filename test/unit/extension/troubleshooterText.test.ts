import assert from 'node:assert/strict';
import type { DiagnoseResult } from '../../../language-server/protocol';
import { diagnosisMarkdown, headline } from '../../../extension/troubleshooter/diagnosisDocument';
import { historyText } from '../../../extension/troubleshooter/historyText';
import { offeredFixes } from '../../../extension/troubleshooter/offeredFixes';
import { plainText } from '../../../extension/troubleshooter/terminalOutput';

const result = (over: Partial<DiagnoseResult> = {}): DiagnoseResult => ({
  diagnosis: {
    id: 'port-in-use', title: 'Port already in use', confidence: 0.95, summary: 'Port 3000 is already taken by another process.', explanation: 'Two servers, one port.',
    fixes: [{ key: 'command:stop-port', title: 'Stop what listens on port 3000', kind: 'command', action: 'stop-port' }],
    frames: [{ file: '/home/me/shop/server.js', line: 41, column: 5, function: 'start', userCode: true, runtime: 'node', textLine: 3 }],
    alternatives: [], line: 0, captures: { port: '3000' }, by: 'rules',
  },
  projectPath: '/home/me/shop',
  historyId: 1,
  ...over,
});

describe('extension: the troubleshooter texts', () => {
  it('names who holds the port, as the notification says it', () => {
    const owners = { processes: [{ pid: 4121, ppid: 1, projectPath: '/home/me/shop', command: '/usr/bin/node server.js', ports: [3000], cpuPercent: null, memoryBytes: 1, startedAt: '' }], containers: [] };
    assert.equal(headline(result({ portOwners: owners })), 'Port 3000 is taken by node (pid 4121, project shop).');
    assert.equal(headline(result({ portOwners: { processes: [], containers: [] } })), 'Port 3000 is already taken by another process. Nothing holds it any more: try again.');
    assert.equal(headline(result()), 'Port 3000 is already taken by another process.');
  });

  it('writes the details page with the fixes and the user code', () => {
    const page = diagnosisMarkdown(result());
    assert.match(page, /^# Port already in use/);
    assert.match(page, /- \*\*Stop what listens on port 3000\*\*/);
    assert.match(page, /`\/home\/me\/shop\/server\.js:41:5` in `start`/);
  });

  it('strips colours, cursor moves and shell-integration marks from terminal output', () => {
    const raw = '\u001b]633;C\u0007\u001b[31mError: listen EADDRINUSE\u001b[0m\r\n\u001b[2K\u001b[1Gat Server.listen\r\n\u001b]633;D;1\u0007';
    assert.equal(plainText(raw), 'Error: listen EADDRINUSE\nat Server.listen\n');
  });

  it('lists the history by project, with verdicts and what each fix did', () => {
    const row = { id: 1, projectPath: '/home/me/shop', diagnosis: 'port-in-use', confidence: 0.95, source: 'terminal', summary: 's', excerpt: 'Error: listen EADDRINUSE :::3000', terms: '', feedback: 1, confirmed: null, createdAt: '2026-11-26T05:00:00.000Z', outcomes: [{ fix: 'command:stop-port', outcome: 'ok' as const, exitCode: null, createdAt: '' }] };
    const text = historyText([row, { ...row, id: 2, projectPath: null, feedback: -1, confirmed: 'connection-refused', outcomes: [] }]);
    assert.match(text, /^Optimus troubleshooting history — the latest 2/);
    assert.match(text, /\/home\/me\/shop\n {2}2026-11-26 05:00:00Z {2}port-in-use \(95%, terminal\) {2}👍\n {6}Error: listen EADDRINUSE :::3000\n {6}fix command:stop-port: ok/);
    assert.match(text, /\(no project\)\n.*corrected to connection-refused/);
    assert.match(historyText([]), /No errors diagnosed yet/);
  });

  it('offers stopping a port only while something holds it, and no edit from a diagnosis', () => {
    const base = result();
    const withEdit = { ...base, diagnosis: { ...base.diagnosis, fixes: [...base.diagnosis.fixes, { key: 'edit:add-dependency', title: 'Add x', kind: 'edit' as const, edit: 'add-dependency' }] } };
    assert.deepEqual(offeredFixes(withEdit).map((f) => f.key), [], 'nothing holds the port: no stop, and never the edit');
    const owners = { processes: [{ pid: 1, ppid: 0, projectPath: null, command: 'node', ports: [3000], cpuPercent: null, memoryBytes: 1, startedAt: '' }], containers: [] };
    assert.deepEqual(offeredFixes({ ...withEdit, portOwners: owners }).map((f) => f.key), ['command:stop-port']);
  });
});

