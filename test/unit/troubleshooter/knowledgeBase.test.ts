import assert from 'node:assert/strict';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DIAGNOSIS_IDS } from '../../../language-server/troubleshooter/diagnosisIds';
import { builtinKnowledgeDir, loadKnowledge } from '../../../language-server/troubleshooter/knowledgeBase';
import { KnowledgeError, parseKnowledgeFile } from '../../../language-server/troubleshooter/knowledgeFile';
import { useTempDir } from '../../integration/helpers/tempDir';
const DIAGNOSIS_FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'diagnosis');

const VALID = `title: Broken widget
summary: The widget {name} broke.
explanation: It broke.
patterns:
  - 'WIDGET_BROKE'
  - regex: 'widget (?<name>\\w+) failed'
    weight: 0.8
fixes:
  - title: Restart {name}
    kind: command
    command: widgetctl restart {name}
examples:
  - 'WIDGET_BROKE: widget alpha failed'
`;

describe('troubleshooter: the knowledge base', () => {
  const tmp = useTempDir('knowledge');
  const userDir = (): string => path.join(tmp(), 'knowledge');
  const write = async (name: string, text: string): Promise<void> => {
    await mkdir(userDir(), { recursive: true });
    await writeFile(path.join(userDir(), name), text);
  };

  describe('bad user files first: each is a problem naming the file, and the built-in knowledge stands', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['not YAML', 'title: [unclosed\n', /is not valid YAML/],
      ['not a mapping', '- a\n- b\n', /the file must be a mapping/],
      ['an unknown field', `${VALID}colour: red\n`, /unknown field "colour"/],
      ['a broken regular expression', VALID.replace("'WIDGET_BROKE'", "'(unclosed'"), /patterns\[0\] is not a valid regular expression/],
      ['a weight out of range', VALID.replace('weight: 0.8', 'weight: 7'), /weight must be a number above 0 and at most 1/],
      ['a command fix without a command', VALID.replace('    command: widgetctl restart {name}\n', ''), /command fix without a command or an action/],
      ['no patterns', VALID.replace(/patterns:[\s\S]*?fixes:/, 'patterns: []\nfixes:'), /patterns must be a non-empty list/],
      ['an alias bomb', `a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n`, /not valid YAML|unknown field/],
      ['a huge file', `${VALID}examples2: "${'x'.repeat(300 * 1024)}"\n`, /is over 256 KB/],
    ];
    for (const [what, text, problem] of cases) {
      it(what, async () => {
        await write('widget-broke.yaml', text);
        const kb = await loadKnowledge({ userDir: userDir() });
        assert.equal(kb.problems.length, 1, kb.problems.join('\n'));
        assert.match(kb.problems[0] ?? '', problem);
        assert.ok(kb.problems[0]?.includes(path.join(userDir(), 'widget-broke.yaml')), 'names the file');
        assert.ok(kb.entries.some((e) => e.id === 'port-in-use'), 'the built-in entries are all there');
        assert.ok(!kb.entries.some((e) => e.id === 'widget-broke'));
      });
    }

    it('a badly named file, a folder named like a file and a symlink loop', async () => {
      await write('Bad Name.yaml', VALID);
      await mkdir(path.join(userDir(), 'folder.yaml'));
      await symlink(path.join(userDir(), 'loop.yaml'), path.join(userDir(), 'loop.yaml'));
      const kb = await loadKnowledge({ userDir: userDir() });
      assert.equal(kb.problems.length, 3, kb.problems.join('\n'));
      assert.match(kb.problems.join('\n'), /must be named <id>\.yaml/);
      assert.match(kb.problems.join('\n'), /folder\.yaml is not a file/);
      assert.match(kb.problems.join('\n'), /loop\.yaml/);
    });

    it('a missing user folder is no problem', async () => {
      const kb = await loadKnowledge({ userDir: path.join(tmp(), 'nowhere') });
      assert.deepEqual(kb.problems, []);
    });
  });

  it('adds a user diagnosis, and extends a built-in one with the user fixes first', async () => {
    await write('widget-broke.yaml', VALID);
    await write('port-in-use.yaml', VALID.replace('Broken widget', 'Port taken (ours)').replace("'WIDGET_BROKE'", "'OUR_PORT_CLASH'"));
    const kb = await loadKnowledge({ userDir: userDir() });
    assert.deepEqual(kb.problems, []);
    const widget = kb.entries.find((e) => e.id === 'widget-broke');
    assert.equal(widget?.patterns[1]?.weight, 0.8);
    const port = kb.entries.find((e) => e.id === 'port-in-use');
    assert.equal(port?.title, 'Port taken (ours)');
    assert.ok(port?.patterns.some((p) => p.regex.source === 'OUR_PORT_CLASH'));
    assert.ok(port?.patterns.some((p) => /EADDRINUSE/.test(p.regex.source)), 'the built-in patterns stay');
    assert.equal(port?.fixes[0]?.title, 'Restart {name}');
  });

  it('the built-in files all parse, are named after taxonomy ids, and the ids are exactly the taxonomy', async () => {
    const taxonomy = JSON.parse(await readFile(path.join(DIAGNOSIS_FIXTURES, 'taxonomy.json'), 'utf8')) as { ids: Record<string, string> };
    assert.deepEqual([...DIAGNOSIS_IDS], Object.keys(taxonomy.ids));
    const kb = await loadKnowledge();
    for (const e of kb.entries) assert.ok((DIAGNOSIS_IDS as readonly string[]).includes(e.id), e.id);
    assert.ok(kb.entries.every((e) => e.source.startsWith(builtinKnowledgeDir())));
  });

  it('parses the documented format: string patterns are case-insensitive, mappings take weight, case and requires', () => {
    const entry = parseKnowledgeFile('x', `${VALID.replace("  - 'WIDGET_BROKE'\n", "  - 'WIDGET_BROKE'\n  - regex: 'Exact'\n    case: sensitive\n    requires: 'JSON\\.parse'\n")}`, 'x.yaml');
    assert.equal(entry.patterns[0]?.regex.flags, 'gim');
    assert.equal(entry.patterns[1]?.regex.flags, 'gm');
    assert.equal(entry.patterns[1]?.requires?.source, 'JSON\\.parse');
    assert.throws(() => parseKnowledgeFile('x', 'title: x\n', 'x.yaml'), KnowledgeError);
  });
});
