import assert from 'node:assert/strict';
import { withDeadline } from '../../../language-server/scanner/containers/deadline';
import { ContainerError, isConnectionError, unreachableReason } from '../../../language-server/scanner/containers/errors';
import { EventLines, isContainerChange } from '../../../language-server/scanner/containers/events';

const event = (Action: string, Type = 'container') => ({ Type, Action, status: Action, id: 'x' });

describe('containers: engine events', () => {
  it('counts list-changing container events in Docker and podman spellings, not exec, health or init noise', () => {
    for (const action of ['create', 'start', 'stop', 'die', 'destroy', 'remove', 'pause', 'unpause', 'rename', 'restart']) {
      assert.equal(isContainerChange(event(action)), true, action);
    }
    for (const action of ['init', 'cleanup', 'exec', 'exec_died', 'exec_start: sh -c true', 'health_status: healthy', 'attach', 'kill']) {
      assert.equal(isContainerChange(event(action)), false, action);
    }
    assert.equal(isContainerChange(event('create', 'image')), false);
    assert.equal(isContainerChange({ status: 'die' }), true, 'old engines send only status');
    assert.equal(isContainerChange(null), false);
  });

  it('reassembles events split across chunks and skips malformed lines', () => {
    const lines = new EventLines();
    const whole = JSON.stringify(event('start'));
    assert.deepEqual(lines.push(whole.slice(0, 10)), []);
    assert.deepEqual(lines.push(`${whole.slice(10)}\nnot json\n\n${JSON.stringify(event('die'))}\n{"Type":`), [event('start'), event('die')]);
    assert.deepEqual(lines.push(Buffer.from('"container","Action":"stop"}\n')), [{ Type: 'container', Action: 'stop' }]);
  });
});

describe('containers: errors and deadlines', () => {
  it('words connection failures for people', () => {
    const sock = '/var/run/docker.sock';
    assert.match(unreachableReason({ code: 'EACCES' }, sock), /^permission denied on \/var\/run\/docker\.sock \(add your user/);
    assert.equal(unreachableReason({ code: 'ECONNREFUSED' }, sock), `nothing answers on ${sock} (the engine is not running; the socket file is left over)`);
    assert.equal(unreachableReason({ code: 'ECONNREFUSED' }, 'tcp://h:1'), 'nothing listens at tcp://h:1 (is the engine running?)');
    assert.equal(unreachableReason({ statusCode: 502 }, sock), `${sock} answered HTTP 502: it does not look like a Docker-compatible engine`);
    assert.equal(isConnectionError({ code: 'ECONNRESET' }), true);
    assert.equal(isConnectionError({ statusCode: 404 }), false);
    assert.equal(isConnectionError(new ContainerError('timeout', 'slow')), true);
  });

  it('rejects at the deadline even when the call ignores its signal, and aborts the signal', async () => {
    let signal: AbortSignal | undefined;
    const never = (s: AbortSignal) => {
      signal = s;
      return new Promise<never>(() => {});
    };
    await assert.rejects(withDeadline(20, never, () => new Error('too slow')), /too slow/);
    assert.equal(signal?.aborted, true);
    assert.equal(await withDeadline(1000, async () => 7, () => new Error('no')), 7);
  });
});
