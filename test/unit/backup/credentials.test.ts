import assert from 'node:assert/strict';
import { withoutCredentials } from '../../../language-server/orchestrator/backup/gitHistory';
import { safeName } from '../../../language-server/orchestrator/backup/backup';

describe('backup: remote URLs lose their credentials', () => {
  const cases: [string, string][] = [
    ['https://user:pass@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://ghp_token@github.com/o/r.git', 'https://github.com/o/r.git'],
    ['https://user:p@ss@host.example/x', 'https://host.example/x'],
    ['ssh://git:secret@host:2222/x.git', 'ssh://host:2222/x.git'],
    ['HTTP://U:P@HOST/x', 'HTTP://HOST/x'],
    ['https://host/@scope/pkg', 'https://host/@scope/pkg'],
    ['https://host/path?q=a@b', 'https://host/path?q=a@b'],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
    ['/srv/git/r.git', '/srv/git/r.git'],
  ];
  for (const [input, expected] of cases) it(`${input} -> ${expected}`, () => assert.equal(withoutCredentials(input), expected));
});

describe('backup: folder names for projects', () => {
  it('keeps names portable and never hidden or empty', () => {
    assert.equal(safeName('my app (v2)'), 'my_app_v2_');
    assert.equal(safeName('.hidden'), '_hidden');
    assert.equal(safeName('..'), '_');
    assert.equal(safeName(''), 'project');
  });
});
