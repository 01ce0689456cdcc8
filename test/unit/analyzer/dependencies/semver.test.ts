import assert from 'node:assert/strict';
import { compareSemver, parseSemver } from '../../../../language-server/analyzer/dependencies/semver';
import { inSimpleRange } from '../../../../language-server/analyzer/dependencies/simpleRange';

const cmp = (a: string, b: string): number => {
  const x = parseSemver(a);
  const y = parseSemver(b);
  assert.ok(x && y, `${a} and ${b} should parse`);
  return Math.sign(compareSemver(x, y));
};

describe('semver (dependencies)', () => {
  it('refuses what is not a version', () => {
    for (const bad of ['', 'latest', 'github:a/b#c', '1.2.3.4', '^1.2.3', 'x', '1.2.3-', '1.2.3-a..b', '99999999999999999999.0.0']) {
      assert.equal(parseSemver(bad), null, bad);
    }
  });

  it('reads loose but common forms: v prefix, =, missing parts, build metadata', () => {
    assert.deepEqual(parseSemver('v1.2.3'), { major: 1, minor: 2, patch: 3, prerelease: [] });
    assert.deepEqual(parseSemver('=1.2'), { major: 1, minor: 2, patch: 0, prerelease: [] });
    assert.deepEqual(parseSemver('1.0.0-rc.10+build.5'), { major: 1, minor: 0, patch: 0, prerelease: ['rc', 10] });
  });

  it('orders as semver.org §11 does, prereleases included', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0-0', '2.0.0'];
    for (let i = 1; i < ordered.length; i++) assert.equal(cmp(ordered[i - 1] as string, ordered[i] as string), -1, `${ordered[i - 1]} < ${ordered[i]}`);
    assert.equal(cmp('1.0.0+a', '1.0.0+b'), 0);
    assert.equal(cmp('1.0.0-B', '1.0.0-a'), -1, 'ASCII order, not locale order');
  });

  it('reads the simple ranges advisories use, and declines the rest', () => {
    assert.equal(inSimpleRange('4.17.15', '<4.17.21'), true);
    assert.equal(inSimpleRange('4.17.21', '<4.17.21'), false);
    assert.equal(inSimpleRange('0.0.8', '<0.2.4 || >=1.0.0 <1.2.6'), true);
    assert.equal(inSimpleRange('1.2.6', '<0.2.4 || >=1.0.0 <1.2.6'), false);
    assert.equal(inSimpleRange('0.5.1', '0.4.1 - 0.5.1'), true);
    assert.equal(inSimpleRange('9.9.9', '*'), true);
    assert.equal(inSimpleRange('1.2.0', '^1.0.0'), undefined);
    assert.equal(inSimpleRange('1.2.0', '<=1.2'), undefined, 'a partial version is a whole minor in npm: not guessed');
    assert.equal(inSimpleRange('not-a-version', '<1.0.0'), undefined);
  });
});
