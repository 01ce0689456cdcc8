import { deriveFacts } from './derivedFacts';
import { UNKNOWN } from './diagnosisIds';
import { fill, fillFixes } from './fixTemplates';
import { focusText } from './focusText';
import { parseFrames } from './frames/parseFrames';
import { findHits, type Hit } from './matchText';
import type { Diagnosis, KnowledgeEntry } from './types';

/** Hits this close to the best one are as good: the earliest line among them names the cause. */
const MARGIN = 0.12;
const MAX_ALTERNATIVES = 3;
/** Longer texts are cut to their first and last parts: a cause is at the start of a failure or at its end. */
const MAX_TEXT_CHARS = 2 * 1024 * 1024;

/** What the fallback returns when no pattern names a cause: a guess at an id, with how sure it is. */
export type Fallback = (text: string) => { id: string; confidence: number } | null;

export interface DiagnoseOptions {
  fallback?: Fallback;
  /** Multiplies each entry's score (learning: ids the user confirmed, fixes that worked). Default 1. */
  boost?: (id: string) => number;
}

/** The cause of an error text, by the knowledge base's patterns, else by the fallback, else `unknown`. */
export function diagnose(input: string, entries: readonly KnowledgeEntry[], options: DiagnoseOptions = {}): Diagnosis {
  const focused = focusText(bounded(input));
  const text = focused.text;
  const frames = parseFrames(text).map((f) => ({ ...f, textLine: focused.lineOf(f.textLine) }));
  const hits = findHits(text, entries).map((h) => ({ ...h, line: focused.lineOf(h.line), score: h.score * (options.boost?.(h.entry.id) ?? 1) }));
  if (hits.length > 0) return fromHits(hits, frames);
  const guess = options.fallback?.(text);
  const entry = guess ? entries.find((e) => e.id === guess.id) : undefined;
  if (guess && entry) return described(entry, { confidence: guess.confidence, line: null, captures: {}, frames, alternatives: [], by: 'classifier' });
  return unknown(frames);
}

function fromHits(hits: Hit[], frames: Diagnosis['frames']): Diagnosis {
  const byScore = [...hits].sort((a, b) => b.score - a.score || a.line - b.line);
  const top = byScore[0] as Hit;
  const contenders = byScore.filter((h) => h.score >= top.score - MARGIN);
  const winner = contenders.reduce((a, b) => (b.line < a.line ? b : a));
  const rivals = byScore.filter((h) => h !== winner);
  const close = rivals.some((h) => h.score >= winner.score - MARGIN);
  const confidence = clamp(Math.min(winner.score, 1) * (close ? 0.85 : 1));
  const alternatives = rivals.slice(0, MAX_ALTERNATIVES).map((h) => ({ id: h.entry.id, confidence: round(clamp(Math.min(h.score, 1) * 0.8)) }));
  return described(winner.entry, { confidence, line: winner.line, captures: winner.captures, frames, alternatives, by: 'rules' });
}

interface Facts {
  confidence: number;
  line: number | null;
  captures: Record<string, string>;
  frames: Diagnosis['frames'];
  alternatives: Diagnosis['alternatives'];
  by: Diagnosis['by'];
}

function described(entry: KnowledgeEntry, facts: Facts): Diagnosis {
  const known = deriveFacts(facts.captures);
  return {
    id: entry.id,
    title: entry.title,
    confidence: round(facts.confidence),
    summary: fill(entry.summary, known) ?? generic(entry.summary),
    explanation: entry.explanation,
    fixes: fillFixes(entry.fixes, known),
    frames: facts.frames,
    alternatives: facts.alternatives,
    line: facts.line,
    captures: facts.captures,
    by: facts.by,
  };
}

function unknown(frames: Diagnosis['frames']): Diagnosis {
  const summary = 'Optimus does not recognise this error.';
  return { id: UNKNOWN, title: 'Unknown error', confidence: 0, summary, explanation: summary, fixes: [], frames, alternatives: [], line: null, captures: {}, by: 'none' };
}

/** A summary whose facts the text did not give: its placeholders become plain words. */
function generic(summary: string): string {
  return summary.replace(/\{(\w+)\}/g, (_, name: string) => `the ${name}`);
}

function bounded(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const half = MAX_TEXT_CHARS / 2;
  return `${text.slice(0, half)}\n${text.slice(-half)}`;
}

const clamp = (n: number): number => Math.max(0.05, Math.min(0.99, n));
const round = (n: number): number => Math.round(n * 100) / 100;
