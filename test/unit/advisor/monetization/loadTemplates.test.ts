import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { builtinTemplatesDir, loadTemplates, userTemplatesDir } from '../../../../language-server/advisor/monetization/loadTemplates';
import { parseTemplateFile, TemplateError } from '../../../../language-server/advisor/monetization/templateFile';
import { useTempDir } from '../../../integration/helpers/tempDir';

const MODELS = ['ads', 'dual-licensing', 'marketplace-listing', 'one-time-licence', 'open-core', 'paid-support', 'saas-subscription', 'sponsorships', 'usage-based-api'];

const VALID = `title: Consulting
summary: Sell days of work on the project.
fits:
  library: 0.5
  api-service: 0.4
signals:
  has-docs-site: 2
  public-repo: 1
gaps:
  has-docs-site: "No docs: write them first."
`;

describe('advisor: monetization templates', () => {
  const tmp = useTempDir('templates');
  const userDir = (): string => path.join(tmp(), 'monetization');
  const write = async (name: string, text: string): Promise<void> => {
    await mkdir(userDir(), { recursive: true });
    await writeFile(path.join(userDir(), name), text);
  };

  it('ships one valid template per revenue model', async () => {
    const { templates, problems } = await loadTemplates();
    assert.deepEqual(problems, []);
    assert.deepEqual(templates.map((t) => t.id).sort(), MODELS);
    for (const t of templates) {
      assert.ok(t.signals.length > 0 && Object.keys(t.fits).length > 0, t.id);
      for (const g of t.gaps) assert.ok(g.text.length > 20, `${t.id}: gap ${g.signal} says something`);
    }
  });

  describe('bad user files: each is a problem naming the file and the field, and the built-ins stand', () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['not YAML', 'bad.yaml', 'title: [unclosed\n', /bad\.yaml is not valid YAML/],
      ['not a mapping', 'list.yaml', '- a\n- b\n', /list\.yaml the file must be a mapping/],
      ['an unknown field', 'extra.yaml', `${VALID}colour: red\n`, /extra\.yaml has an unknown field "colour"/],
      ['an unknown project type', 'type.yaml', VALID.replace('library: 0.5', 'saas: 0.5'), /fits "saas", which is no project type/],
      ['an unknown signal', 'signal.yaml', VALID.replace('public-repo: 1', 'has-stars: 1'), /signals names "has-stars", which is no signal/],
      ['a gap for an unknown signal', 'gap.yaml', VALID.replace('has-docs-site: "No', 'has-blog: "No'), /gaps names "has-blog"/],
      ['a fit weight over 1', 'fit.yaml', VALID.replace('library: 0.5', 'library: 5'), /fits\.library must be a number above 0 and at most 1/],
      ['a signal weight of 0', 'zero.yaml', VALID.replace('public-repo: 1', 'public-repo: 0'), /signals\.public-repo must be a number above 0 and at most 10/],
      ['a text weight', 'text.yaml', VALID.replace('public-repo: 1', 'public-repo: high'), /signals\.public-repo must be a number/],
      ['no fits', 'nofit.yaml', VALID.replace(/fits:\n {2}library: 0\.5\n {2}api-service: 0\.4\n/, 'fits: {}\n'), /fits no project type/],
      ['an empty title', 'title.yaml', VALID.replace('title: Consulting', 'title: ""'), /title must be a non-empty text/],
      ['a bad file name', 'Bad Name.yaml', VALID, /must be named <id>\.yaml/],
      ['YAML aliases', 'alias.yaml', `${VALID}x: &a [1]\ny: *a\n`, /alias\.yaml is not valid YAML/],
    ];
    for (const [what, name, text, problem] of cases) {
      it(what, async () => {
        await write(name, text);
        const { templates, problems } = await loadTemplates({ userDir: userDir() });
        assert.equal(problems.length, 1, problems.join('\n'));
        assert.match(problems[0] ?? '', problem);
        assert.ok(problems[0]?.includes(userDir()), 'names the file');
        assert.deepEqual(templates.map((t) => t.id).sort(), MODELS);
      });
    }

    it('a file over 64 KB and a folder named like a template', async () => {
      await write('huge.yaml', `${VALID}# ${'x'.repeat(70 * 1024)}\n`);
      await mkdir(path.join(userDir(), 'folder.yaml'));
      const { problems } = await loadTemplates({ userDir: userDir() });
      assert.deepEqual(problems.map((p) => p.replace(userDir(), '<dir>')).sort(), ['Monetization template <dir>/folder.yaml is not a file', 'Monetization template <dir>/huge.yaml is over 64 KB']);
    });
  });

  it('adds a user model with a new id and replaces a built-in with the same id', async () => {
    await write('consulting.yaml', VALID);
    await write('ads.yaml', VALID.replace('Consulting', 'Ads, my way'));
    await write('notes.md', 'not a template');
    const { templates, problems } = await loadTemplates({ userDir: userDir() });
    assert.deepEqual(problems, []);
    assert.equal(templates.length, MODELS.length + 1);
    assert.equal(templates.find((t) => t.id === 'ads')?.title, 'Ads, my way');
    assert.deepEqual(templates.find((t) => t.id === 'consulting')?.gaps, [{ signal: 'has-docs-site', text: 'No docs: write them first.' }]);
  });

  it('treats a missing user folder as none, and an unreadable built-in folder as a problem, not a throw', async () => {
    assert.deepEqual((await loadTemplates({ userDir: path.join(tmp(), 'nothing') })).problems, []);
    const broken = await loadTemplates({ builtinDir: path.join(tmp(), 'no-such-folder') });
    assert.deepEqual(broken.templates, []);
    assert.match(broken.problems[0] ?? '', /no-such-folder cannot be read \(ENOENT\)/);
  });

  it('reads user templates from $OPTIMUS_HOME/monetization and built-ins from beside the code', () => {
    assert.equal(userTemplatesDir({ OPTIMUS_HOME: '/opt/optimus' }), path.resolve('/opt/optimus/monetization'));
    assert.match(builtinTemplatesDir(), /advisor[\\/]monetization[\\/]templates$/);
  });

  it('parses a file into a template and throws a TemplateError for the loader to report', () => {
    const t = parseTemplateFile('consulting', VALID, 'consulting.yaml');
    assert.deepEqual(t.fits, { library: 0.5, 'api-service': 0.4 });
    assert.deepEqual(t.signals, [{ id: 'has-docs-site', weight: 2 }, { id: 'public-repo', weight: 1 }]);
    assert.throws(() => parseTemplateFile('x', 'title: x\n', 'x.yaml'), TemplateError);
  });
});
