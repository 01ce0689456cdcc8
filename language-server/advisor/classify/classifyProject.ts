import type { Project } from '../../model';
import type { ClassifyFacts } from './classifyFacts';
import type { Classification } from './projectTypes';
import { readFacts } from './readFacts';
import type { Rule } from './rule';
import { RULES } from './rules/allRules';
import { alternativesOf, confidenceOf, scoreTypes } from './score';

export interface ClassifyOptions {
  /** Rules to use instead of the built-in table (tests, experiments). */
  rules?: readonly Rule[];
}

/**
 * What kind of project this is, with the evidence. Never throws: unreadable files are notes, and a malformed
 * manifest of the project's own makes the result `unknown` (what it would otherwise say is in `alternatives`),
 * because the manifest is where most of the evidence lives. See README.md for rules, scores and confidence.
 */
export async function classifyProject(project: Project, options: ClassifyOptions = {}): Promise<Classification> {
  try {
    const { facts, notes, malformed } = await readFacts(project);
    const ranked = scoreTypes(matchRules(options.rules ?? RULES, facts, notes));
    const monorepo = project.children.length > 0 ? [`A monorepo with ${project.children.length} member project(s): classified from its own top-level files; each member is classified on its own.`] : [];
    if (malformed.length > 0) return unknown(malformed.map((m) => `Not classified: ${m}`), ranked, [...notes, ...monorepo]);
    const top = ranked[0];
    if (!top) return unknown([nothingMatched(facts)], [], [...notes, ...monorepo]);
    return { type: top.type, confidence: confidenceOf(ranked), evidence: top.evidence, alternatives: alternativesOf(ranked), notes: [...notes, ...monorepo] };
  } catch (error) {
    return unknown([`Not classified: reading ${project.path} failed (${error instanceof Error ? error.message : String(error)})`], [], []);
  }
}

/** A faulty rule costs its own evidence only, and says so. */
function matchRules(rules: readonly Rule[], facts: ClassifyFacts, notes: string[]): Array<{ rule: Rule; evidence: string }> {
  const out: Array<{ rule: Rule; evidence: string }> = [];
  for (const rule of rules) {
    try {
      const evidence = rule.test(facts);
      if (evidence) out.push({ rule, evidence });
    } catch (error) {
      notes.push(`Classification rule ${rule.id} failed and was skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}

function unknown(evidence: string[], ranked: ReturnType<typeof scoreTypes>, notes: string[]): Classification {
  return { type: 'unknown', confidence: 0, evidence, alternatives: ranked.map(({ type, score, evidence: e }) => ({ type, score, evidence: e })), notes };
}

function nothingMatched(facts: ClassifyFacts): string {
  const looked = [...facts.names].filter((n) => !n.startsWith('.')).slice(0, 8);
  return `No rule matched: no manifest field, framework, entry point or engine file that names a kind of project (top level: ${looked.length > 0 ? looked.join(', ') : 'empty'})`;
}
