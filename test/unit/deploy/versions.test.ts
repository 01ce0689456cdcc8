import assert from 'node:assert/strict';
import { pickVersion } from '../../../language-server/orchestrator/deploy/versions';

describe('deploy: picking an image version from a version spec', () => {
  it('falls back on a missing, empty or unreadable spec', () => {
    for (const spec of [undefined, '', '   ', '*', 'latest', 'lts/*', '>=', 'x.y']) assert.equal(pickVersion(spec, '3.12'), '3.12', String(spec));
  });

  it('keeps the default when the spec allows it, whatever the clause order (PEP 440)', () => {
    assert.equal(pickVersion('>=3.9,<3.13', '3.12'), '3.12');
    assert.equal(pickVersion('<3.13,>=3.9', '3.12'), '3.12');
    assert.equal(pickVersion('>=3.8', '3.12'), '3.12');
    assert.equal(pickVersion('~=3.10', '3.12'), '3.12');
    assert.equal(pickVersion('^3.10', '3.12'), '3.12');
  });

  it('takes the newest allowed version when the default is outside the range', () => {
    assert.equal(pickVersion('>=3.13', '3.12'), '3.13');
    assert.equal(pickVersion('>=3.8,<3.11', '3.12'), '3.10');
    assert.equal(pickVersion('==3.11.*', '3.12'), '3.11');
    assert.equal(pickVersion('3.10', '3.12'), '3.10');
    assert.equal(pickVersion('~=3.11.2', '3.12'), '3.11');
    assert.equal(pickVersion('<3.12', '3.12'), '3.11');
  });

  it('reads npm ranges by major version (engines.node)', () => {
    assert.equal(pickVersion('>=18', '22', 1), '22');
    assert.equal(pickVersion('^18.17.0', '22', 1), '18');
    assert.equal(pickVersion('20.x', '22', 1), '20');
    assert.equal(pickVersion('>=24.0.0', '22', 1), '24');
    assert.equal(pickVersion('>=16 <21', '22', 1), '20');
    assert.equal(pickVersion('^18 || ^20', '22', 1), '20');
    assert.equal(pickVersion('^20 || ^22', '22', 1), '22');
    assert.equal(pickVersion('v20.11.1', '22', 1), '20');
  });

  it('reads Composer and Bundler ranges (require.php, ruby "~> 3.2")', () => {
    assert.equal(pickVersion('^8.2', '8.3'), '8.3');
    assert.equal(pickVersion('^7.4 || ^8.0', '8.3'), '8.3');
    assert.equal(pickVersion('~8.1.0', '8.3'), '8.1');
    assert.equal(pickVersion('~> 3.2', '3.3'), '3.3');
    assert.equal(pickVersion('~> 3.1.4', '3.3'), '3.1');
    assert.equal(pickVersion('>= 3.0, < 3.3', '3.3'), '3.2');
  });
});
