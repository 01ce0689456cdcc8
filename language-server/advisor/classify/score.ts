import { SPECIFICITY } from './projectTypes';
import type { AlternativeType } from './projectTypes';
import type { Rule, RuleType } from './rule';

/** A type's combined evidence. */
export interface TypeScore {
  type: RuleType;
  score: number;
  evidence: string[];
}

/**
 * Every type with at least one matching rule, strongest first. Evidence for one type combines as a noisy OR,
 * 1 − Π(1 − weight): each independent clue closes part of the remaining doubt, so two 0.5 clues make 0.75 and
 * no pile of weak clues reaches certainty. Equal scores go to the more specific type (SPECIFICITY).
 */
export function scoreTypes(matches: ReadonlyArray<{ rule: Rule; evidence: string }>): TypeScore[] {
  const byType = new Map<RuleType, { doubt: number; evidence: string[] }>();
  for (const { rule, evidence } of [...matches].sort((a, b) => b.rule.weight - a.rule.weight)) {
    const entry = byType.get(rule.type) ?? { doubt: 1, evidence: [] };
    entry.doubt *= 1 - clamp(rule.weight);
    entry.evidence.push(evidence);
    byType.set(rule.type, entry);
  }
  const scores = [...byType].map(([type, e]) => ({ type, score: round(1 - e.doubt), evidence: e.evidence }));
  return scores.sort((a, b) => b.score - a.score || SPECIFICITY.indexOf(a.type) - SPECIFICITY.indexOf(b.type));
}

/**
 * How sure the winner is: its score less a quarter of the runner-up's. A project that reads strongly as an
 * editor extension and as a CLI is less surely one kind than one without a competing reading; a quarter, not
 * more, because such projects usually are both and the winner is still the better answer.
 */
export function confidenceOf(ranked: readonly TypeScore[]): number {
  const [top, second] = ranked;
  if (!top) return 0;
  return round(Math.max(0, top.score - (second?.score ?? 0) / 4));
}

export function alternativesOf(ranked: readonly TypeScore[]): AlternativeType[] {
  return ranked.slice(1).map(({ type, score, evidence }) => ({ type, score, evidence }));
}

function clamp(weight: number): number {
  return Math.min(1, Math.max(0, weight));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
