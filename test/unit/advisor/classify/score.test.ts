import assert from 'node:assert/strict';
import type { Rule, RuleType } from '../../../../language-server/advisor/classify/rule';
import { alternativesOf, confidenceOf, scoreTypes } from '../../../../language-server/advisor/classify/score';

const match = (type: RuleType, weight: number, evidence = `${type} ${weight}`): { rule: Rule; evidence: string } => ({ rule: { id: evidence, type, weight, test: () => evidence }, evidence });

describe('advisor: classification scores', () => {
  it('combines one type’s clues as a noisy OR, strongest evidence first', () => {
    const [lib] = scoreTypes([match('library', 0.5, 'weak'), match('library', 0.5, 'also weak'), match('library', 0.6, 'strong')]);
    assert.equal(lib?.score, 0.9); // 1 - 0.5 * 0.5 * 0.4
    assert.deepEqual(lib?.evidence, ['strong', 'weak', 'also weak']);
  });

  it('never reaches 1 from weak clues alone', () => {
    const many = Array.from({ length: 5 }, (_, i) => match('cli', 0.3, `clue ${i}`));
    assert.ok((scoreTypes(many)[0]?.score ?? 1) < 1);
  });

  it('ranks by score and breaks ties by specificity (an extension before a library)', () => {
    const ranked = scoreTypes([match('library', 0.8), match('editor-extension', 0.8), match('cli', 0.9)]);
    assert.deepEqual(ranked.map((r) => r.type), ['cli', 'editor-extension', 'library']);
  });

  it('lowers confidence by a quarter of the runner-up', () => {
    const ranked = scoreTypes([match('editor-extension', 0.95), match('cli', 0.8)]);
    assert.equal(confidenceOf(ranked), 0.75);
    assert.equal(confidenceOf(scoreTypes([match('game', 0.95)])), 0.95);
    assert.equal(confidenceOf([]), 0);
    assert.deepEqual(alternativesOf(ranked), [{ type: 'cli', score: 0.8, evidence: ['cli 0.8'] }]);
  });
});
