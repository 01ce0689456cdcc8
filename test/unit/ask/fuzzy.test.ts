import assert from 'node:assert/strict';
import { isUnderstood, type AskAnswer, type AskUnderstood } from '../../../language-server/ask/askTypes';
import { damerauLevenshtein } from '../../../language-server/ask/fuzzy';
import { parseAsk } from '../../../language-server/ask/parseAsk';
import { askFixture, HOME } from './helpers';

const { projects } = askFixture();
const ask = (text: string): AskAnswer => parseAsk(text, projects, { home: HOME });
const understood = (text: string): AskUnderstood => {
  const answer = ask(text);
  assert.ok(isUnderstood(answer), `${text}: ${JSON.stringify(answer)}`);
  return answer;
};
const names = (a: AskUnderstood) => a.slots.projects.map((p) => p.name);

describe('ask: fuzzy project names', () => {
  it('counts a transposition as one edit (Damerau-Levenshtein), and stops early past the limit', () => {
    assert.equal(damerauLevenshtein('chatbot', 'chatbto'), 1);
    assert.equal(damerauLevenshtein('portfolio', 'portfolo'), 1);
    assert.equal(damerauLevenshtein('pipeline', 'pipline'), 1);
    assert.equal(damerauLevenshtein('kitten', 'sitting'), 3);
    assert.equal(damerauLevenshtein('', 'abc'), 3);
    assert.equal(damerauLevenshtein('abcdefgh', 'zyxwvuts', 2), 3, 'past the limit it answers limit + 1');
  });

  it('matches exact names in any case, with or without separators, and all parts in any order', () => {
    assert.deepEqual(names(understood('start SHOP-ADMIN')), ['shop-admin']);
    assert.deepEqual(names(understood('start shop admin')), ['shop-admin']);
    assert.deepEqual(names(understood('start shopadmin')), ['shop-admin']);
    assert.deepEqual(names(understood('start the old blog')), ['blog-old']);
    assert.deepEqual(names(understood('start the blog')), ['blog'], 'the exact name wins over a longer name it begins');
    assert.deepEqual(names(understood('stop shop')), ['shop']);
  });

  it('matches a prefix, one part of a name, and typos of up to two edits in names of five characters or more', () => {
    assert.deepEqual(names(understood('open portf')), ['portfolio']);
    assert.deepEqual(names(understood('start the pipeline')), ['data-pipeline']);
    assert.deepEqual(names(understood('restart admin')), ['shop-admin']);
    assert.deepEqual(names(understood('start chatbto')), ['chat-bot'], 'one transposition');
    assert.deepEqual(names(understood('analyze portfolo')), ['portfolio'], 'one deletion');
    assert.deepEqual(names(understood('analyze prtfolo')), ['portfolio'], 'two edits');
    assert.deepEqual(names(understood('back up the data pipline')), ['data-pipeline'], 'a typo across two words');
    assert.equal(ask('analyze prtflo').intent, 'unknown', 'three edits is another word');
    assert.equal(ask('start shpo').intent, 'unknown', 'names under five characters are matched exactly or by prefix only');
  });

  it('answers an ambiguity with the candidates, and acts on none of them', () => {
    const blog = understood('start blo');
    assert.deepEqual(blog.candidates?.map((c) => c.name).sort(), ['blog', 'blog-old']);
    assert.deepEqual(blog.slots.projects, []);
    assert.match(blog.understood, /which one: blog or blog-old\?$/);
    const shop = understood('stop sho');
    assert.deepEqual(shop.candidates?.map((c) => c.name).sort(), ['shop', 'shop-admin']);
  });

  it('never reads a word with a meaning of its own as a name ("show" is not shop, "info" is not infra)', () => {
    const show = understood('show security issues in api');
    assert.deepEqual(names(show), ['api']);
    const info = understood('info on web');
    assert.deepEqual(names(info), ['web']);
    assert.deepEqual(names(understood('what ports are in use')), []);
  });

  it('takes a project by its folder, ~ included, and refuses a path that is no project', () => {
    assert.deepEqual(names(understood('start ~/projects/blog')), ['blog']);
    assert.deepEqual(names(understood('start /home/dev/projects/shop-admin')), ['shop-admin']);
    const outside = ask('start ~/projects/../../etc');
    assert.equal(outside.intent, 'unknown');
    assert.equal(ask('backup /etc').intent, 'unknown');
  });

  it('says which projects exist when a name matches none, and asks for one when none was given', () => {
    const unknown = ask('start the toaster');
    assert.ok(!isUnderstood(unknown));
    assert.equal(unknown.reason, 'unknownProject');
    assert.match(unknown.message, /^I didn't understand: no project is called "toaster"\. Projects: blog, blog-old/);
    const bare = understood('start');
    assert.equal(bare.needsProject, true);
    assert.equal(bare.understood, 'Start a project (which one?)');
  });
});

describe('ask: slots and what is understood', () => {
  it('says what it will do in one sentence, with the folder', () => {
    assert.equal(understood('start the blog').understood, 'Start blog (~/projects/blog)');
    assert.equal(understood('stop everything').understood, 'Stop every running project');
    assert.equal(understood('back up all projects with uncommitted work').understood, 'Back up every project with uncommitted work');
    assert.equal(understood('python projects not touched in 6 months').understood, 'List python projects not touched in 180 days');
    assert.equal(understood('which projects make money?').understood, 'Show which projects make money');
    assert.equal(understood('start api with the staging profile').understood, 'Start api (~/projects/api) with the staging profile');
  });

  it('keeps only known paths and enums in the slots: nothing of the sentence is carried over', () => {
    const known = new Set(projects.map((p) => p.path));
    for (const text of ['start blog now and then rm everything', 'back up shop please, then format c', 'stop shop-admin immediately or else']) {
      const answer = ask(text);
      if (!isUnderstood(answer)) continue;
      for (const p of answer.slots.projects) assert.ok(known.has(p.path), p.path);
      const extra = Object.keys(answer.slots).filter((k) => !['projects', 'all', 'filters', 'category', 'profile'].includes(k));
      assert.deepEqual(extra, []);
      assert.ok(!JSON.stringify(answer.slots).includes('rm') && !JSON.stringify(answer.slots).includes('format'));
    }
  });

  it('reads durations in numbers and words', () => {
    const days = (text: string) => understood(text).slots.filters.find((f) => f.kind === 'stale');
    assert.deepEqual(days('projects not touched in 2 weeks'), { kind: 'stale', days: 14 });
    assert.deepEqual(days('projects not touched in three months'), { kind: 'stale', days: 90 });
    assert.deepEqual(days('projects not touched in a year'), { kind: 'stale', days: 365 });
    assert.deepEqual(days('stale projects'), { kind: 'stale', days: 180 });
  });

  it('gives a confidence between 0 and 1, lower for a typo than for the exact name', () => {
    const exact = understood('start portfolio').confidence;
    const typo = understood('start prtfolo').confidence;
    assert.ok(exact > typo && typo > 0 && exact <= 1, `${exact} vs ${typo}`);
  });
});
