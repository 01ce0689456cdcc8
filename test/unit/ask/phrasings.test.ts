import assert from 'node:assert/strict';
import { INTENT_INFO, isUnderstood } from '../../../language-server/ask/askTypes';
import { exampleSentences } from '../../../language-server/ask/examples';
import { parseAsk } from '../../../language-server/ask/parseAsk';
import { askFixture, asPhrasing, HOME, normalized } from './helpers';

const MIN_ACCURACY = 0.95;

describe('ask: the phrasings corpus (test/fixtures/ask/phrasings.json)', () => {
  const { projects, phrasings, nonsense } = askFixture();

  it('holds at least 100 phrasings across at least 15 intents, and 30 nonsense or hostile lines', () => {
    assert.ok(phrasings.length >= 100, `${phrasings.length} phrasings`);
    assert.ok(new Set(phrasings.map((p) => p.intent)).size >= 15);
    assert.ok(nonsense.length >= 30, `${nonsense.length} nonsense lines`);
  });

  it(`understands at least ${MIN_ACCURACY * 100}% exactly right (intent and every slot), and prints the accuracy and the misses`, () => {
    const misses: string[] = [];
    for (const p of phrasings) {
      const got = asPhrasing(p.text, parseAsk(p.text, projects, { home: HOME }));
      const want = normalized(p);
      if (JSON.stringify(got) !== JSON.stringify(want)) misses.push(`${JSON.stringify(p.text)}: want ${JSON.stringify({ ...want, text: undefined })} got ${JSON.stringify({ ...got, text: undefined })}`);
    }
    const accuracy = (phrasings.length - misses.length) / phrasings.length;
    console.log(`      accuracy ${(accuracy * 100).toFixed(1)}% (${phrasings.length - misses.length}/${phrasings.length})${misses.length ? `; misses:\n        ${misses.join('\n        ')}` : ''}`);
    assert.ok(accuracy >= MIN_ACCURACY, `accuracy ${(accuracy * 100).toFixed(1)}% is under ${MIN_ACCURACY * 100}%`);
  });

  it('answers every nonsense, hostile, empty or overlong line "I didn\'t understand", never an intent', () => {
    const lines = [...nonsense, 'start blog '.repeat(60), `stop ${'x'.repeat(600)}`];
    const acted = lines.map((text) => ({ text, answer: parseAsk(text, projects, { home: HOME }) })).filter(({ answer }) => answer.intent !== 'unknown');
    assert.deepEqual(acted.map(({ text, answer }) => `${JSON.stringify(text)} → ${answer.intent}`), []);
    for (const text of lines) {
      const answer = parseAsk(text, projects, { home: HOME });
      assert.ok(!isUnderstood(answer) && answer.message.startsWith("I didn't understand"), text);
      assert.ok(answer.suggestions.length > 0);
    }
  });

  it('marks every state-changing intent changesState, in every phrasing that reaches it', () => {
    for (const p of phrasings) {
      const answer = parseAsk(p.text, projects, { home: HOME });
      if (!isUnderstood(answer)) continue;
      assert.equal(answer.changesState, INTENT_INFO[answer.intent].changesState, p.text);
    }
    const changing = Object.entries(INTENT_INFO).filter(([, i]) => i.changesState).map(([name]) => name).sort();
    assert.deepEqual(changing, ['backup', 'deploy', 'restart', 'start', 'stop']);
  });

  it('understands every example it suggests (help, "I didn\'t understand", the input box placeholder)', () => {
    for (const intent of ['start', 'roi', 'logs', 'env', 'deploy', 'backups', 'audit', 'analyze', 'restart', 'showProject'] as const) {
      for (const text of exampleSentences(projects, intent)) assert.ok(isUnderstood(parseAsk(text, projects)), text);
    }
    for (const text of exampleSentences(projects)) assert.ok(isUnderstood(parseAsk(text, projects)), text);
  });
});
