import assert from 'node:assert/strict';
import { parseGitConfig, redactUrl, remoteUrl, upstreamOf } from '../../../language-server/scanner/git/config';

describe('git config parser', () => {
  it('reads sections, quoted subsections, and folds section and key case', () => {
    const entries = parseGitConfig('[Core]\n\tBare = false\n[remote "Origin"]\n\turl = git@host:a/b.git\n');
    assert.deepEqual(entries, [
      { section: 'core', subsection: null, key: 'bare', value: 'false' },
      { section: 'remote', subsection: 'Origin', key: 'url', value: 'git@host:a/b.git' },
    ]);
  });

  it('handles comments, quotes, escapes, continuation lines and value-less keys', () => {
    const text = [
      '# a comment',
      '; another',
      '[x "sub \\"q\\" \\\\ s"] first = 1',
      '  a = "quoted # not a comment" ; a comment',
      '  b = one\\',
      'two',
      '  c = tab\\there\\n',
      '  d',
      '  e =',
      '  f = "  kept  "  ',
    ].join('\n');
    const byKey = Object.fromEntries(parseGitConfig(text).map((e) => [e.key, e]));
    assert.equal(byKey.first?.subsection, 'sub "q" \\ s');
    assert.equal(byKey.first?.value, '1');
    assert.equal(byKey.a?.value, 'quoted # not a comment');
    assert.equal(byKey.b?.value, 'onetwo');
    assert.equal(byKey.c?.value, 'tab\there\n');
    assert.equal(byKey.d?.value, null);
    assert.equal(byKey.e?.value, '');
    assert.equal(byKey.f?.value, '  kept  ');
  });

  it('reads the legacy [section.subsection] form', () => {
    const [entry] = parseGitConfig('[branch.Main]\nremote = origin\n');
    assert.equal(entry?.section, 'branch');
    assert.equal(entry?.subsection, 'main');
  });

  it('skips malformed lines instead of throwing', () => {
    const entries = parseGitConfig('[broken\n= nothing\n[ok]\nk = v\n\u0000\n');
    assert.deepEqual(entries.map((e) => `${e.section}.${e.key}=${e.value}`), ['ok.k=v']);
  });
});

describe('git remote and upstream from config', () => {
  const cfg = parseGitConfig(
    '[remote "fork"]\n\turl = git@host:me/r.git\n[remote "origin"]\n\turl = https://tok@host/team/r.git\n' +
      '[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/trunk\n[branch "local"]\n\tremote = .\n\tmerge = refs/heads/main\n',
  );

  it('prefers origin, else the first remote with a url', () => {
    assert.equal(remoteUrl(cfg), 'https://host/team/r.git');
    assert.equal(remoteUrl(parseGitConfig('[remote "a"]\n[remote "b"]\nurl = x\n[remote "c"]\nurl = y\n')), 'x');
    assert.equal(remoteUrl([]), null);
  });

  it('names the upstream as git status does', () => {
    assert.equal(upstreamOf(cfg, 'main'), 'origin/trunk');
    assert.equal(upstreamOf(cfg, 'local'), 'main');
    assert.equal(upstreamOf(cfg, 'none'), null);
  });

  it('drops credentials from URLs but keeps ssh user names', () => {
    assert.equal(redactUrl('https://user:pa55@example.com/r.git'), 'https://example.com/r.git');
    assert.equal(redactUrl('https://ghp_token@example.com/r.git'), 'https://example.com/r.git');
    assert.equal(redactUrl('ssh://git:pw@example.com:22/r.git'), 'ssh://git@example.com:22/r.git');
    assert.equal(redactUrl('ssh://git@example.com/r.git'), 'ssh://git@example.com/r.git');
    assert.equal(redactUrl('git@example.com:team/r.git'), 'git@example.com:team/r.git');
    assert.equal(redactUrl('/srv/git/r.git'), '/srv/git/r.git');
  });
});
