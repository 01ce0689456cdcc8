import { ASK_INTENTS, INTENT_INFO, type AskAnswer, type AskIntent, type AskNotUnderstood, type AskProject, type AskProjectRef, type AskSlots, type NotUnderstoodReason } from './askTypes';
import { describe } from './describe';
import { exampleSentences } from './examples';
import { INTENT_CUES, TIE_ORDER } from './intentRules';
import { MAX_ASK_CHARS, normalize } from './normalize';
import { findMentions, type Mention } from './projectMentions';
import { readAll, readCategory, readFilters, readProfile, STACK_WORDS } from './slots';
import { isKnownWord, STOPWORDS } from './vocabulary';

/**
 * A sentence to an intent and its slots, with no model and no network: keyword cues with weights (intentRules),
 * project names matched against the known ones (projectMentions), filters and enums (slots). Deterministic: the
 * same sentence and projects give the same answer.
 */

export interface ParseOptions {
  /** The user's home folder: shortens paths in `understood` and expands `~/…` in the sentence. */
  home?: string;
}

/** Below this no intent was said clearly enough to act on. */
const MIN_SCORE = 2.5;
const MENTION = '@p';
/** Slots that only some intents read; for the others they are dropped, so the answer says only what is used. */
const TAKES_FILTERS = new Set<AskIntent>(['list', 'start', 'stop', 'restart', 'backup', 'analyze', 'showIssues']);
const TAKES_CATEGORY = new Set<AskIntent>(['showIssues', 'analyze']);
const TAKES_PROFILE = new Set<AskIntent>(['start', 'restart', 'env']);
/** Intents where a word that is no project's name, with no project named, most likely is a mistyped name. */
const EXPECTS_NAME = new Set<AskIntent>(ASK_INTENTS.filter((i) => INTENT_INFO[i].needsProject || i === 'whyCrashed' || i === 'money' || i === 'backups'));

export function parseAsk(text: string, projects: readonly AskProject[], options: ParseOptions = {}): AskAnswer {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return notUnderstood('empty', 'the sentence is empty', projects);
  if (trimmed.length > MAX_ASK_CHARS) return notUnderstood('tooLong', `the sentence is ${trimmed.length} characters long, over the ${MAX_ASK_CHARS} Ask reads; ask one thing at a time`, projects);
  const { words, shellLike } = normalize(trimmed);
  if (shellLike) return notUnderstood('shellLike', 'that reads like a shell command; Ask takes plain sentences and never runs what you type', projects);
  if (words.length === 0) return notUnderstood('noIntent', 'there are no words in it', projects);

  const known = (w: string) => isKnownWord(w) || Object.hasOwn(STACK_WORDS, w) || /^\d+$/.test(w);
  const { mentions, unknownPaths } = findMentions(words, projects, { isKnownWord: known, isStopword: (w) => STOPWORDS.has(w), home: options.home });
  if (unknownPaths.length > 0) return notUnderstood('unknownProject', `${quote(unknownPaths[0] as string)} is not the folder of a project Optimus knows`, projects);

  const replaced = replaceMentions(words, mentions);
  const sentence = replaced.join(' ');
  const ranked = rank(sentence);
  const best = ranked[0];
  if (!best || best.score < MIN_SCORE) return notUnderstood('noIntent', 'it asks for nothing Optimus can do', projects);
  const intent = best.intent;

  const leftover = replaced.filter((w) => w !== MENTION && !known(w));
  const sure = mentions.filter((m) => m.projects.length === 1).flatMap((m) => m.projects);
  const ambiguous = mentions.filter((m) => m.projects.length > 1);
  if (mentions.length === 0 && leftover.length > 0 && EXPECTS_NAME.has(intent) && !readAll(sentence, readFilters(replaced, sentence))) {
    return notUnderstood('unknownProject', `no project is called ${quote(leftover.join(' '))}`, projects, intent);
  }
  const slots = slotsFor(intent, replaced, sentence, uniqueByPath(sure));
  const info = INTENT_INFO[intent];
  const candidates = uniqueByPath(ambiguous.flatMap((m) => m.projects));
  const needsProject = info.needsProject && slots.projects.length === 0 && !slots.all && candidates.length === 0;
  const confidence = confidenceOf(best.score, ranked[1]?.score ?? 0, mentions, replaced.length, leftover.length);
  return {
    intent,
    slots,
    confidence,
    changesState: info.changesState,
    understood: candidates.length > 0 ? `${describe(intent, slots, options.home).replace(/ a project \(which one\?\)$/, '')} — which one: ${candidates.map((c) => c.name).join(' or ')}?` : describe(intent, slots, options.home),
    ...(candidates.length > 0 ? { candidates } : {}),
    ...(needsProject ? { needsProject: true } : {}),
  };
}

function rank(sentence: string): Array<{ intent: AskIntent; score: number }> {
  const scored = ASK_INTENTS.map((intent) => ({ intent, score: INTENT_CUES[intent].reduce((sum, cue) => sum + (cue.re.test(sentence) ? cue.weight : 0), 0) }));
  return scored.sort((a, b) => b.score - a.score || TIE_ORDER.indexOf(a.intent) - TIE_ORDER.indexOf(b.intent));
}

function slotsFor(intent: AskIntent, words: readonly string[], sentence: string, named: AskProjectRef[]): AskSlots {
  const info = INTENT_INFO[intent];
  let filters = TAKES_FILTERS.has(intent) ? readFilters(words, sentence) : [];
  // What is implied needs no filter: stopping "everything" means what runs; "get blog running" is a start.
  if (intent === 'start' || intent === 'stop' || intent === 'restart') filters = filters.filter((f) => f.kind !== 'running');
  if (named.length > 0) filters = [];
  const all = named.length === 0 && info.takesAll && readAll(sentence, filters, true);
  const category = TAKES_CATEGORY.has(intent) ? readCategory(sentence) : undefined;
  const profile = TAKES_PROFILE.has(intent) ? readProfile(sentence) : undefined;
  return { projects: named, all, filters: intent === 'list' || all ? filters : [], ...(category ? { category } : {}), ...(profile ? { profile } : {}) };
}

function replaceMentions(words: readonly string[], mentions: readonly Mention[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const m of mentions) {
    out.push(...words.slice(i, m.start), MENTION);
    i = m.end;
  }
  out.push(...words.slice(i));
  return out;
}

/**
 * How strongly the intent was said, how far ahead of the next reading, how well names matched, and how much of
 * the sentence was explained. A weak answer is still an answer; the caller shows `understood` before acting.
 */
function confidenceOf(best: number, second: number, mentions: readonly Mention[], words: number, leftover: number): number {
  const strength = Math.min(1, best / 5);
  const margin = best > 0 ? (best - second) / best : 0;
  const names = mentions.length > 0 ? Math.min(...mentions.map((m) => m.quality)) : 1;
  const coverage = words > 0 ? 1 - leftover / words : 0;
  return Math.round((0.45 * strength + 0.2 * margin + 0.2 * names + 0.15 * coverage) * 100) / 100;
}

function uniqueByPath(refs: readonly AskProjectRef[]): AskProjectRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.path) && seen.add(r.path));
}

function notUnderstood(reason: NotUnderstoodReason, why: string, projects: readonly AskProject[], intent?: AskIntent): AskNotUnderstood {
  const known = projects.length > 0 && reason === 'unknownProject' ? ` Projects: ${projects.slice(0, 8).map((p) => p.name).join(', ')}${projects.length > 8 ? `, and ${projects.length - 8} more` : ''}.` : '';
  return { intent: 'unknown', reason, message: `I didn't understand: ${why}.${known}`, suggestions: exampleSentences(projects, intent), confidence: 0 };
}

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `"${short}"`;
}
