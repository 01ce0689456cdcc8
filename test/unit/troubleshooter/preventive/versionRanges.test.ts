import assert from 'node:assert/strict';
import { satisfiesNpmRange } from '../../../../language-server/troubleshooter/preventive/npmRange';
import { satisfiesPep440, satisfiesPoetryPython } from '../../../../language-server/troubleshooter/preventive/pep440';

describe('preventive: version ranges', () => {
  it('npm ranges: carets, tildes, x-ranges, partials, hyphens, unions, comparators', () => {
    const cases: [string, string, boolean][] = [
      ['20.11.1', '>=18', true], ['16.20.2', '>=18', false], ['18.0.0', '>=18.0.0', true], ['17.9.1', '>= 18', false],
      ['20.1.0', '^18 || ^20', true], ['19.0.0', '^18 || ^20', false], ['22.3.0', '^18.17.0 || >=20.5.0', true],
      ['1.2.9', '~1.2.3', true], ['1.3.0', '~1.2.3', false], ['1.9.0', '~1', true], ['2.0.0', '~1', false],
      ['0.2.9', '^0.2.3', true], ['0.3.0', '^0.2.3', false], ['0.0.3', '^0.0.3', true], ['0.0.4', '^0.0.3', false], ['0.9.0', '^0', true],
      ['1.2.0', '1.2.x', true], ['1.3.0', '1.2.x', false], ['20.5.0', '20', true], ['21.0.0', '20', false], ['5.0.0', '*', true], ['5.0.0', '', true],
      ['1.2.3', '1.2.3', true], ['1.2.4', '=1.2.3', false], ['v1.2.3', 'v1.2.3', true],
      ['2.3.9', '1.2 - 2.3', true], ['2.4.0', '1.2 - 2.3', false], ['1.1.9', '1.2 - 2.3', false], ['2.3.4', '1.2.3 - 2.3.4', true], ['2.3.5', '1.2.3 - 2.3.4', false],
      ['1.2.0', '>1.1', true], ['1.1.5', '>1.1', false], ['1.1.5', '<=1.1', true], ['1.2.0', '<=1.1', false], ['1.1.9', '<1.2', true], ['1.2.0', '<1.2', false],
      ['1.0.0-beta.2', '^1.0.0-beta.1', true], ['1.1.0-beta.1', '^1.0.0', false], ['2.0.0-rc.1', '<2', false], ['1.0.0', '>=1.0.0-rc.1', true],
    ];
    for (const [version, range, expected] of cases) assert.equal(satisfiesNpmRange(version, range), expected, `${version} in "${range}"`);
  });

  it('npm ranges that are not versions are not judged', () => {
    for (const range of ['latest', 'git+https://x/y.git', 'file:../x', 'workspace:*', 'github:a/b']) assert.equal(satisfiesNpmRange('1.0.0', range), undefined, range);
    assert.equal(satisfiesNpmRange('not-a-version', '^1'), undefined);
    // one readable alternative that holds is enough
    assert.equal(satisfiesNpmRange('1.5.0', 'latest || ^1'), true);
  });

  it('PEP 440 specifiers and Poetry constraints', () => {
    const pep: [string, string, boolean | undefined][] = [
      ['3.11.4', '>=3.9', true], ['3.8.18', '>=3.9', false], ['3.12.1', '>=3.9,<3.12', false], ['3.11.0', '>=3.9, <3.12', true],
      ['3.10.2', '~=3.10', true], ['4.0.0', '~=3.10', false], ['3.10.9', '~=3.10.2', true], ['3.11.0', '~=3.10.2', false],
      ['3.11.7', '==3.11.*', true], ['3.12.0', '==3.11.*', false], ['3.9.1', '!=3.9.1', false], ['3.9', '==3.9.0', true],
      ['3.11.4', 'python3', undefined],
    ];
    for (const [version, spec, expected] of pep) assert.equal(satisfiesPep440(version, spec), expected, `${version} in "${spec}"`);
    const poetry: [string, string, boolean | undefined][] = [
      ['3.11.4', '^3.9', true], ['4.0.1', '^3.9', false], ['3.8.0', '^3.9', false], ['3.9.9', '~3.9', true], ['3.10.0', '~3.9', false],
      ['3.12.0', '>=3.8,<3.12', false], ['3.11.0', '*', true], ['3.11.2', '3.11.*', true],
    ];
    for (const [version, spec, expected] of poetry) assert.equal(satisfiesPoetryPython(version, spec), expected, `${version} in poetry "${spec}"`);
  });
});
