import assert from 'node:assert/strict';
import { applyMessage, INITIAL_STATE, isConsoleState, restored, type ConsoleState } from '../../webviews/console/consoleState';
import { verdictOf } from '../../webviews/console/verdicts';
import { historyRow, INIT, portDiagnosis } from './harness/consoleFixtures';

describe('console state (the page’s reducer)', () => {
  const withDiagnosis: ConsoleState = { ...INITIAL_STATE, busy: true, diagnosis: null };

  it('takes the projects and the taxonomy from init', () => {
    const next = applyMessage(INITIAL_STATE, INIT);
    assert.equal(next.projects.length, 2);
    assert.deepEqual(next.diagnosisIds.slice(0, 2), ['port-in-use', 'connection-refused']);
  });

  it('shows a new diagnosis, ends the wait and hides a picked row', () => {
    const next = applyMessage({ ...withDiagnosis, shownRow: 7, error: 'old' }, { type: 'diagnosis', diagnosis: portDiagnosis() });
    assert.equal(next.busy, false);
    assert.equal(next.shownRow, null);
    assert.equal(next.error, null);
    assert.equal(next.diagnosis?.title, 'Port already in use');
  });

  it('keeps a picked row when the host sends the same diagnosis again to a rebuilt page', () => {
    const before = { ...INITIAL_STATE, diagnosis: portDiagnosis({ ref: 4 }), shownRow: 7 };
    assert.equal(applyMessage(before, { type: 'diagnosis', diagnosis: portDiagnosis({ ref: 4 }) }).shownRow, 7);
  });

  it('drops a history answer for a project the user has left', () => {
    const state = { ...INITIAL_STATE, project: '/b' };
    assert.equal(applyMessage(state, { type: 'history', project: '/a', rows: [historyRow()] }), state);
    assert.equal(applyMessage(state, { type: 'history', project: '/b', rows: [historyRow()] }).history.length, 1);
  });

  it('records a verdict on the row and in the verdicts given here', () => {
    const state = { ...INITIAL_STATE, history: [historyRow({ id: 41 }), historyRow({ id: 40 })] };
    const next = applyMessage(state, { type: 'feedbackRecorded', historyId: 41, helpful: false, correctId: 'connection-refused' });
    assert.deepEqual(
      next.history.map((r) => [r.id, r.feedback, r.confirmed]),
      [
        [41, -1, 'connection-refused'],
        [40, null, null],
      ],
    );
    assert.deepEqual(verdictOf(41, next.verdicts, []), { historyId: 41, helpful: false, correctId: 'connection-refused' });
    assert.deepEqual(verdictOf(40, next.verdicts, [historyRow({ id: 40, feedback: 1 })]), { historyId: 40, helpful: true, correctId: null });
  });

  it('shows a failure and ends the wait', () => {
    const next = applyMessage(withDiagnosis, { type: 'failed', message: 'The server is not running.' });
    assert.equal(next.busy, false);
    assert.equal(next.error, 'The server is not running.');
  });

  it('accepts its own saved state and refuses other shapes', () => {
    const state = applyMessage(applyMessage(INITIAL_STATE, INIT), { type: 'diagnosis', diagnosis: portDiagnosis() });
    assert.equal(isConsoleState(JSON.parse(JSON.stringify(state))), true);
    assert.equal(isConsoleState({ ...state, diagnosis: { title: 'x' } }), false);
    assert.equal(isConsoleState({ ...state, verdicts: 'all good' }), false);
    assert.equal(isConsoleState('state'), false);
  });

  it('restores without the wait: the host sends its latest answer again when the page says it is ready', () => {
    assert.equal(restored({ ...INITIAL_STATE, busy: true }).busy, false);
    assert.equal(restored(undefined), INITIAL_STATE);
  });
});
