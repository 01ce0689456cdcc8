import assert from 'node:assert/strict';
import { isConsoleCommand, isConsoleMessage, LIMITS } from '../../webviews/console/protocol';
import { historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';

describe('console protocol guards', () => {
  describe('webview → host (isConsoleCommand)', () => {
    const valid: unknown[] = [
      { type: 'ready', project: null },
      { type: 'ready', project: '/home/dev/projects/shop' },
      { type: 'diagnose', text: 'Error: boom', project: null },
      { type: 'readClipboard' },
      { type: 'applyFix', ref: 3, fixKey: 'command:stop-port' },
      { type: 'openFrame', ref: 3, frame: 0 },
      { type: 'feedback', historyId: 41, helpful: false, correctId: 'connection-refused' },
      { type: 'feedback', historyId: 41, helpful: true, correctId: null },
      { type: 'pickProject', project: null },
    ];
    for (const command of valid) it(`accepts ${JSON.stringify(command)}`, () => assert.equal(isConsoleCommand(command), true));

    const invalid: Array<[string, unknown]> = [
      ['not an object', 'ready'],
      ['null', null],
      ['an array', [{ type: 'ready', project: null }]],
      ['an unknown type', { type: 'runCommand', command: 'rm -rf ~' }],
      ['a missing field', { type: 'ready' }],
      ['a project that is not a string', { type: 'pickProject', project: 42 }],
      ['empty text', { type: 'diagnose', text: '   ', project: null }],
      ['text over the bound', { type: 'diagnose', text: 'x'.repeat(LIMITS.errorText + 1), project: null }],
      ['a fractional ref', { type: 'applyFix', ref: 1.5, fixKey: 'k' }],
      ['a ref below 1', { type: 'applyFix', ref: 0, fixKey: 'k' }],
      ['a shell line instead of a fix key', { type: 'applyFix', ref: 1, fixKey: 'x'.repeat(LIMITS.shortText + 1) }],
      ['a negative frame', { type: 'openFrame', ref: 1, frame: -1 }],
      ['a frame past the bound', { type: 'openFrame', ref: 1, frame: LIMITS.frames }],
      ['a file path instead of a frame index', { type: 'openFrame', ref: 1, frame: '/etc/passwd' }],
      ['helpful as a string', { type: 'feedback', historyId: 1, helpful: 'yes', correctId: null }],
      ['a correct id with spaces', { type: 'feedback', historyId: 1, helpful: false, correctId: 'not an id' }],
    ];
    for (const [what, command] of invalid) it(`refuses ${what}`, () => assert.equal(isConsoleCommand(command), false));
  });

  describe('host → webview (isConsoleMessage)', () => {
    const valid: unknown[] = [
      INIT,
      { type: 'projects', projects: [] },
      { type: 'clipboard', text: '' },
      { type: 'diagnosis', diagnosis: portDiagnosis() },
      { type: 'diagnosis', diagnosis: portDiagnosis({ historyId: null, projectPath: null, frames: [], fixes: [], alternatives: [] }) },
      { type: 'history', project: null, rows: [historyRow(), historyRow({ id: 2, feedback: -1, confirmed: 'connection-refused', outcomes: [{ fix: 'k', outcome: 'recurred', exitCode: null }] })] },
      { type: 'feedbackRecorded', historyId: 41, helpful: true, correctId: null },
      { type: 'failed', message: 'The server is not running.' },
    ];
    for (const message of valid) it(`accepts a "${(message as { type: string }).type}" message`, () => assert.equal(isConsoleMessage(message), true));

    const invalid: Array<[string, unknown]> = [
      ['an unknown type', { type: 'eval', code: 'alert(1)' }],
      ['a diagnosis without fields', { type: 'diagnosis', diagnosis: { ref: 1 } }],
      ['a diagnosis with a huge title', { type: 'diagnosis', diagnosis: portDiagnosis({ title: 'x'.repeat(LIMITS.shortText + 1) }) }],
      ['a diagnosis with a huge explanation', { type: 'diagnosis', diagnosis: portDiagnosis({ explanation: 'x'.repeat(LIMITS.longText + 1) }) }],
      ['a confidence above 1', { type: 'diagnosis', diagnosis: portDiagnosis({ confidence: 1.01 }) }],
      ['a NaN confidence', { type: 'diagnosis', diagnosis: portDiagnosis({ confidence: Number.NaN }) }],
      ['a fix of an unknown kind', { type: 'diagnosis', diagnosis: portDiagnosis({ fixes: [{ key: 'k', title: 't', kind: 'shell' as never, command: null, guide: null }] }) }],
      ['too many frames', { type: 'diagnosis', diagnosis: portDiagnosis({ frames: Array.from({ length: LIMITS.frames + 1 }, () => ({ file: 'a.js', line: 1, column: null, function: null })) }) }],
      ['a diagnosis id with markup', { type: 'diagnosis', diagnosis: portDiagnosis({ id: '<b>x</b>' }) }],
      ['a history row with a bad verdict', { type: 'history', project: null, rows: [historyRow({ feedback: 2 as never })] }],
      ['a history row with an unknown outcome', { type: 'history', project: null, rows: [historyRow({ outcomes: [{ fix: 'k', outcome: 'maybe' as never, exitCode: null }] })] }],
      ['too many history rows', { type: 'history', project: null, rows: Array.from({ length: LIMITS.historyRows + 1 }, (_, i) => historyRow({ id: i + 1 })) }],
      ['a project without a name', { type: 'projects', projects: [{ path: '/x' }] }],
      ['clipboard text over the bound', { type: 'clipboard', text: 'x'.repeat(LIMITS.errorText + 1) }],
      ['a verdict on row 0', { type: 'feedbackRecorded', historyId: 0, helpful: true, correctId: null }],
    ];
    for (const [what, message] of invalid) it(`refuses ${what}`, () => assert.equal(isConsoleMessage(message), false));

    it('reads only the fields a message has: a "__proto__" key in JSON gives it none', () => {
      assert.equal(isConsoleMessage(JSON.parse('{"__proto__": {"type": "clipboard", "text": "x"}}')), false);
    });
  });
});
