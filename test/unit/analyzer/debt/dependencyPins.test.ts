import assert from 'node:assert/strict';
import { majorsBehind } from '../../../../language-server/analyzer/debt/dependencyChecks';
import { pinKind } from '../../../../language-server/analyzer/debt/dependencyPins';

describe('dependency pins', () => {
  const cases: Array<[string, string, string]> = [
    ['package.json', '^1.2.3', 'range'], ['package.json', '1.2.3', 'exact'], ['package.json', '1.2', 'range'],
    ['package.json', '*', 'wildcard'], ['package.json', '', 'wildcard'], ['package.json', 'latest', 'tag'],
    ['package.json', 'github:a/b', 'git'], ['package.json', 'a/b', 'git'], ['package.json', 'a/b#v1.0.0', 'git-pinned'],
    ['package.json', 'git+https://x.com/a.git#abcdef1', 'git-pinned'], ['package.json', 'git+https://x.com/a.git#main', 'git'],
    ['package.json', 'workspace:*', 'local'], ['package.json', 'file:../x', 'local'], ['package.json', 'npm:lodash-es@^4', 'range'],
    ['package.json', 'npm:lodash-es', 'wildcard'], ['package.json', '1.x', 'range'], ['package.json', '1.0.0-next.1', 'exact'],
    ['package.json', 'https://x/y.tgz', 'url'], ['requirements.txt', '>=2.8', 'range'], ['requirements.txt', '==2.8.1', 'exact'],
    ['requirements.txt', '*', 'wildcard'], ['pyproject.toml', '~=1.4', 'range'], ['pyproject.toml', '2.25', 'exact'],
    ['requirements.txt', 'url:git+https://github.com/a/b@v1.2', 'git-pinned'], ['requirements.txt', 'url:git+https://github.com/a/b', 'git'],
    ['Cargo.toml', '1.0', 'range'], ['Cargo.toml', '=1.0.3', 'exact'], ['Cargo.toml', 'git:https://github.com/a/b', 'git-pinned'],
    ['Cargo.toml', 'workspace', 'local'], ['go.mod', 'v1.2.3', 'exact'], ['Gemfile', '~> 6.1', 'range'],
    ['pom.xml', '[1.0,2.0)', 'range'], ['pom.xml', 'RELEASE', 'tag'], ['pom.xml', '${project.version}', 'local'],
    ['deno.json', 'jsr:@std/path@^1.0.0', 'range'],
  ];
  it('classifies how firmly each ecosystem\'s version text pins', () => {
    for (const [kind, range, expected] of cases) assert.equal(pinKind(range, kind), expected, `${kind} ${range}`);
  });

  it('counts major versions behind, each 0.y minor as a major', () => {
    assert.deepEqual([majorsBehind('4.17.21', '4.18.0'), majorsBehind('^2.1.0', '5.0.0'), majorsBehind('0.3.1', '0.5.0'), majorsBehind('0.3.1', '2.0.0'), majorsBehind('3.0.0', '2.0.0'), majorsBehind('main', '1.0.0')], [0, 3, 2, 2, 0, 0]);
  });
});
