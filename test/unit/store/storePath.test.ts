import assert from 'node:assert/strict';
import path from 'node:path';
import { resolveStorePath } from '../../../language-server/store/storePath';

describe('store: database path', () => {
  const home = '/home/dev';

  it('defaults to ~/.optimus/optimus.sqlite', () => {
    assert.equal(resolveStorePath({}, {}, home), '/home/dev/.optimus/optimus.sqlite');
  });

  it('uses $OPTIMUS_HOME when set, ignoring an empty one', () => {
    assert.equal(resolveStorePath({}, { OPTIMUS_HOME: '/data/opt' }, home), '/data/opt/optimus.sqlite');
    assert.equal(resolveStorePath({}, { OPTIMUS_HOME: '' }, home), '/home/dev/.optimus/optimus.sqlite');
  });

  it('prefers an explicit file, then an explicit folder, over the environment', () => {
    const env = { OPTIMUS_HOME: '/data/opt' };
    assert.equal(resolveStorePath({ file: '/tmp/x.sqlite', dir: '/vscode/global' }, env, home), '/tmp/x.sqlite');
    assert.equal(resolveStorePath({ dir: '/vscode/global' }, env, home), '/vscode/global/optimus.sqlite');
    assert.equal(resolveStorePath({ file: '', dir: null }, env, home), '/data/opt/optimus.sqlite');
  });

  it('passes :memory: through and makes relative paths absolute', () => {
    assert.equal(resolveStorePath({ file: ':memory:' }, {}, home), ':memory:');
    assert.equal(resolveStorePath({ file: 'rel/x.sqlite' }, {}, home), path.resolve('rel/x.sqlite'));
    assert.equal(resolveStorePath({}, { OPTIMUS_HOME: 'relhome' }, home), path.resolve('relhome', 'optimus.sqlite'));
  });
});
