import assert from 'node:assert/strict';
import { parseDotenv } from '../../../language-server/orchestrator/env/dotenv';
import { isEnvFileName, isExampleFileName, profileFiles, profileNameProblem, profilesIn } from '../../../language-server/orchestrator/env/profiles';

function values(text: string): Record<string, string> {
  return Object.fromEntries(parseDotenv(text).entries.map((e) => [e.key, e.value]));
}

describe('dotenv parsing', () => {
  describe('bad input first', () => {
    it('reports lines that are not KEY=value by line number, without quoting them, and keeps the rest', () => {
      const parsed = parseDotenv('GOOD=1\nsk_live_TOPSECRET123\n=novalue\n1BAD=x\nKEY WITH SPACE=1\nALSO=2\n');
      assert.deepEqual(parsed.entries.map((e) => [e.key, e.value, e.line]), [['GOOD', '1', 1], ['ALSO', '2', 6]]);
      assert.deepEqual(parsed.problems.map((p) => [p.kind, p.line]), [['invalid-line', 2], ['invalid-line', 3], ['invalid-line', 4], ['invalid-line', 5]]);
      assert.equal(parsed.problems[0]?.message, 'line 2 is not KEY=value, so it was ignored');
      assert.ok(!JSON.stringify(parsed.problems).includes('TOPSECRET'));
    });

    it('reports a quote never closed at the line that opens it, and goes on with the next line', () => {
      const parsed = parseDotenv('A="never closed\nB=2\nC=3\n');
      assert.deepEqual(values('A="never closed\nB=2\nC=3\n'), { B: '2', C: '3' });
      assert.deepEqual(parsed.problems.map((p) => [p.kind, p.line, p.message]), [['unclosed-quote', 1, 'line 1: the value of A opens a double quote that is never closed, so it was ignored']]);
    });

    it('keeps the value but reports text after the closing quote', () => {
      const parsed = parseDotenv('A="one"two\nB=\'x\'   # fine\n');
      assert.deepEqual(values('A="one"two\n'), { A: 'one' });
      assert.deepEqual(parsed.problems.map((p) => [p.kind, p.line]), [['after-quote', 1]]);
    });

    it('reports a key set twice; the later value wins and its line is kept', () => {
      const parsed = parseDotenv('A=1\nB=2\nA=3\n');
      assert.deepEqual(parsed.entries.map((e) => [e.key, e.value, e.line]), [['A', '3', 3], ['B', '2', 2]]);
      assert.deepEqual(parsed.problems.map((p) => [p.kind, p.line, p.message]), [['duplicate-key', 3, 'line 3: A is set again (first on line 1); the later value is used']]);
    });

    it('handles an empty text, only comments, and a key named __proto__ as a plain key', () => {
      assert.deepEqual(parseDotenv(''), { entries: [], problems: [] });
      assert.deepEqual(parseDotenv('# only\n   # comments\n\n'), { entries: [], problems: [] });
      const parsed = parseDotenv('__proto__=polluted\nconstructor=x\n');
      assert.deepEqual(parsed.entries.map((e) => e.key), ['__proto__', 'constructor']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('stops a quote left open after 1000 lines instead of scanning the whole file for each line', () => {
      const text = `A="open\n${'x\n'.repeat(5000)}`.repeat(20);
      const parsed = parseDotenv(text);
      assert.equal(parsed.problems.filter((p) => p.kind === 'unclosed-quote').length, 20);
    });
  });

  it('parses long runs of spaces in linear time (no backtracking regular expression)', () => {
    const spaces = ' '.repeat(200_000);
    assert.deepEqual(values(`A=${spaces}x${spaces}y\nexport${spaces}\nB=${spaces}#${spaces}\n`), { A: `x${spaces}y`, B: '' });
  });

  it('reads CRLF and lone CR line ends and skips a byte order mark', () => {
    assert.deepEqual(values('\uFEFFA=1\r\nB="two\r\nlines"\r\nC=3\rD=4'), { A: '1', B: 'two\nlines', C: '3', D: '4' });
  });

  it('accepts export, spaces around =, and dots or dashes in keys', () => {
    assert.deepEqual(values('export A=1\n  export   B = two words  \nC.D-E=3\nexport=4\n'), { A: '1', B: 'two words', 'C.D-E': '3', export: '4' });
  });

  it('strips a comment only after whitespace in an unquoted value', () => {
    assert.deepEqual(values('A=abc # comment\nB=p4ss#word\nC=#hash\nD= # only a comment\nE=http://x/#frag\n'), { A: 'abc', B: 'p4ss#word', C: '#hash', D: '', E: 'http://x/#frag' });
  });

  it('keeps # inside quotes and comments after them', () => {
    assert.deepEqual(values('A="a # b" # c\nB=\'x#y\'#z\n'), { A: 'a # b', B: 'x#y' });
  });

  it('handles escapes in double quotes only', () => {
    assert.deepEqual(values('A="say \\"hi\\"\\n\\tnow \\\\ \\x"\nB=\'raw \\n stays\'\nC=`tick \'"` \n'), { A: 'say "hi"\n\tnow \\ \\x', B: 'raw \\n stays', C: 'tick \'"' });
  });

  it('reads multi-line double-quoted values (a PEM key) and keeps line numbers right after them', () => {
    const text = 'KEY="-----BEGIN KEY-----\nAAAA\nBBBB\n-----END KEY-----"\nNEXT=1\n';
    const parsed = parseDotenv(text);
    assert.deepEqual(parsed.entries.map((e) => [e.key, e.value, e.line]), [['KEY', '-----BEGIN KEY-----\nAAAA\nBBBB\n-----END KEY-----', 1], ['NEXT', '1', 5]]);
  });

  it('keeps empty values empty and ${VAR} references as written', () => {
    assert.deepEqual(values('A=\nB=""\nC=\'\'\nD=${A}/x\nE="${HOME:-/tmp}"\n'), { A: '', B: '', C: '', D: '${A}/x', E: '${HOME:-/tmp}' });
  });
});

describe('env profiles', () => {
  it('lists each profile in load order; test leaves out .env.local', () => {
    assert.deepEqual(profileFiles('development'), ['.env', '.env.local', '.env.development', '.env.development.local']);
    assert.deepEqual(profileFiles('production'), ['.env', '.env.local', '.env.production', '.env.production.local']);
    assert.deepEqual(profileFiles('test'), ['.env', '.env.test', '.env.test.local']);
  });

  it('refuses profile names that are not plain words', () => {
    for (const bad of ['', '../prod', 'a/b', 'local', 'example', '.hidden', 'x'.repeat(41), 'with space']) assert.ok(profileNameProblem(bad), bad);
    for (const good of ['development', 'staging', 'qa-2', 'eu_west']) assert.equal(profileNameProblem(good), undefined, good);
  });

  it('tells .env files and example files by name', () => {
    assert.deepEqual(['.env', '.env.local', '.env.example', '.envrc', 'env', '.env.bak~', '.env.production.local'].filter(isEnvFileName), ['.env', '.env.local', '.env.example', '.env.production.local']);
    assert.deepEqual(['.env.example', '.env.local.sample', '.env.dist', '.env.exampled', '.env'].filter(isExampleFileName), ['.env.example', '.env.local.sample', '.env.dist']);
    assert.deepEqual(profilesIn(['.env', '.env.qa', '.env.local', '.env.example', '.env.staging.local']), ['development', 'production', 'test', 'staging', 'qa']);
  });
});
