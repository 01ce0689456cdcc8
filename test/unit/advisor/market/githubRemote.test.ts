import assert from 'node:assert/strict';
import { parseGithubRemote } from '../../../../language-server/advisor/market/githubRemote';

describe('parseGithubRemote: which GitHub repository a git remote names', () => {
  it('is null for hostile and non-GitHub remotes, so nothing odd reaches an API URL', () => {
    const hostile = [
      '',
      '   ',
      'not a url',
      'https://gitlab.com/o/r.git',
      'git@bitbucket.org:o/r.git',
      'https://github.com.evil.example/o/r',
      'https://evil.example/github.com/o/r',
      'https://github.com@evil.example/o/r',
      'https://a@b@github.com/o/r',
      'https://www.github.com/o/r',
      'git://github.com/o/r.git',
      'git+ssh://git@github.com/o/r.git',
      'ftp://github.com/o/r',
      'file:///github.com/o/r',
      'git@evil.example:o/r.git',
      'git@github.com.evil.example:o/r.git',
      'https://github.com/o',
      'https://github.com/o/',
      'https://github.com/o/r/tree/main',
      'https://github.com/o/r/extra/',
      'https://github.com/o/r?tab=readme',
      'https://github.com/o/r#readme',
      'https://github.com//r',
      'https://github.com/o/..',
      'https://github.com/../r',
      'https://github.com/o/.',
      'https://github.com/o/.git',
      'https://github.com/%2e%2e/r',
      'https://github.com/o/%2e%2e',
      'https://github.com/o/r%2F..',
      'https://github.com/o%2Fx/r',
      'https://github.com/-o/r',
      'https://github.com/o_o/r',
      `https://github.com/${'o'.repeat(40)}/r`,
      `https://github.com/o/${'r'.repeat(101)}`,
      'https://github.com/o/r name',
      'https://github.com/o/r\nhttps://evil.example/x/y',
      'https://github.com/o/r\u0000',
      'https://github.com/o/ré',
      'https://gіthub.com/o/r', // Cyrillic і
      'ssh://git@github.com/o/r/x',
      'ssh://evil@github.com.evil.example/o/r',
      `https://github.com/o/r${'/'.repeat(3000)}`,
    ];
    for (const url of hostile) assert.equal(parseGithubRemote(url), null, JSON.stringify(url));
  });

  it('reads owner and repository from https, http, scp-like and ssh remotes, with or without .git and a trailing slash', () => {
    const good: [string, string, string][] = [
      ['https://github.com/atom/atom', 'atom', 'atom'],
      ['https://github.com/atom/atom.git', 'atom', 'atom'],
      ['https://github.com/atom/atom/', 'atom', 'atom'],
      ['https://github.com/atom/atom.git/', 'atom', 'atom'],
      ['http://github.com/atom/atom', 'atom', 'atom'],
      ['https://GitHub.com/Octokit-Fixture-Org/hello-world.git', 'Octokit-Fixture-Org', 'hello-world'],
      ['https://x-access-token:secret@github.com/atom/atom.git', 'atom', 'atom'],
      ['https://github.com:443/atom/atom', 'atom', 'atom'],
      ['git@github.com:atom/atom.git', 'atom', 'atom'],
      ['git@github.com:atom/atom', 'atom', 'atom'],
      ['git@github.com:atom/atom/', 'atom', 'atom'],
      ['ssh://git@github.com/atom/atom.git', 'atom', 'atom'],
      ['ssh://git@github.com/atom/atom', 'atom', 'atom'],
      ['ssh://git@github.com:22/atom/atom.git', 'atom', 'atom'],
      ['  https://github.com/lodash/lodash.git\n', 'lodash', 'lodash'],
      ['https://github.com/octo-org/.github', 'octo-org', '.github'],
      ['https://github.com/o/lodash.merge', 'o', 'lodash.merge'],
      ['git@github.com:o/under_score-1.2.git', 'o', 'under_score-1.2'],
    ];
    for (const [url, owner, repo] of good) assert.deepEqual(parseGithubRemote(url), { owner, repo }, url);
  });
});
