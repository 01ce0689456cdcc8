import assert from 'node:assert/strict';
import { checkSettings, DEFAULT_SETTINGS, effectiveRoots } from '../../language-server/settings';

describe('settings', () => {
  it('replaces a roots value of the wrong shape by the default and says what to write', () => {
    const { settings, problems } = checkSettings({ roots: '~/code', scan: { maxDepth: 3 } });
    assert.deepEqual(settings.roots, DEFAULT_SETTINGS.roots);
    assert.equal(settings.scan.maxDepth, 3);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /optimus\.roots must be a list of strings/);
  });

  it('rejects a negative, fractional or absurd depth', () => {
    for (const maxDepth of [-1, 2.5, 99, '3']) {
      const { settings, problems } = checkSettings({ scan: { maxDepth } });
      assert.equal(settings.scan.maxDepth, DEFAULT_SETTINGS.scan.maxDepth);
      assert.match(problems[0] ?? '', /maxDepth must be a whole number/);
    }
  });

  it('accepts nothing at all (a missing section) silently', () => {
    assert.deepEqual(checkSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(checkSettings(null).problems, []);
  });

  it('expands ~, adds workspace folders and drops those already under a root', () => {
    const roots = effectiveRoots({ ...DEFAULT_SETTINGS, roots: ['~/projects', '/srv/code'] }, ['/home/u/projects/app', '/tmp/other', '/srv/code'], '/home/u');
    assert.deepEqual(roots, ['/home/u/projects', '/srv/code', '/tmp/other']);
  });

  it('checks the runtime, containers and backup settings, keeping the good ones when one is wrong', () => {
    const { settings, problems } = checkSettings({
      runtime: { keepRunningOnClose: 'yes', sampleSeconds: 5 },
      containers: { enabled: false },
      backup: { folder: 42, keep: 2.5 },
    });
    assert.deepEqual(settings.runtime, { keepRunningOnClose: false, sampleSeconds: 5 });
    assert.deepEqual(settings.containers, { enabled: false });
    assert.deepEqual(settings.backup, DEFAULT_SETTINGS.backup);
    assert.equal(problems.length, 3);
    assert.match(problems.join(' '), /keepRunningOnClose must be true or false.*backup\.folder must be a string.*backup\.keep must be a whole number from 0 to 1000/);
  });

  it('market figures stay off unless turned on with a real boolean ("true" as text is refused)', () => {
    assert.equal(DEFAULT_SETTINGS.advisor.marketSignals, false);
    assert.equal(checkSettings({ advisor: { marketSignals: true } }).settings.advisor.marketSignals, true);
    const { settings, problems } = checkSettings({ advisor: { marketSignals: 'true' } });
    assert.equal(settings.advisor.marketSignals, false);
    assert.match(problems.join(' '), /optimus\.advisor\.marketSignals must be true or false/);
  });

  it('refuses a sampling interval below a second (it would cost a core) or above a minute', () => {
    for (const sampleSeconds of [0, 0.5, 61, Number.NaN]) {
      const { settings, problems } = checkSettings({ runtime: { sampleSeconds } });
      assert.equal(settings.runtime.sampleSeconds, DEFAULT_SETTINGS.runtime.sampleSeconds);
      assert.equal(problems.length, 1);
    }
  });
});
