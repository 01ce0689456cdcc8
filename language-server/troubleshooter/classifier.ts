/**
 * The fallback for texts no pattern recognises: TF-IDF nearest neighbours over labelled examples (the
 * knowledge base's own, plus every diagnosis a user confirmed). It learns by being given more examples; a
 * guess is only made when a neighbour is similar enough, so a text unlike anything known stays `unknown`.
 */
export interface LabelledText {
  id: string;
  text: string;
}

export interface Guess {
  id: string;
  confidence: number;
}

interface Vector {
  id: string;
  weights: Map<string, number>;
  norm: number;
}

/** Below this cosine similarity the nearest example says nothing about the text. */
const MIN_SIMILARITY = 0.3;
const NEIGHBOURS = 3;
/** A guess by resemblance is never as sure as a pattern that names the cause. */
const MAX_CONFIDENCE = 0.7;
const MAX_TOKENS = 4000;

export class ErrorClassifier {
  private readonly documentFrequency = new Map<string, number>();
  private readonly vectors: Vector[] = [];
  private readonly raw: Array<{ id: string; counts: Map<string, number> }> = [];
  private stale = true;

  constructor(examples: readonly LabelledText[] = []) {
    for (const e of examples) this.add(e);
  }

  add(example: LabelledText): void {
    const counts = termCounts(example.text);
    if (counts.size === 0) return;
    for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.raw.push({ id: example.id, counts });
    this.stale = true;
  }

  get size(): number {
    return this.raw.length;
  }

  classify(text: string): Guess | null {
    if (this.raw.length === 0) return null;
    if (this.stale) this.rebuild();
    const query = this.vectorOf('', termCounts(text));
    if (query.norm === 0) return null;
    const nearest = this.vectors
      .map((v) => ({ id: v.id, similarity: cosine(query, v) }))
      .filter((n) => n.similarity >= MIN_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, NEIGHBOURS);
    return vote(nearest);
  }

  private rebuild(): void {
    this.vectors.length = 0;
    for (const r of this.raw) this.vectors.push(this.vectorOf(r.id, r.counts));
    this.stale = false;
  }

  private vectorOf(id: string, counts: Map<string, number>): Vector {
    const n = this.raw.length;
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of counts) {
      const df = this.documentFrequency.get(term);
      if (!df) continue; // a word no example has tells nothing
      const w = (1 + Math.log(count)) * Math.log(1 + n / df);
      weights.set(term, w);
      sum += w * w;
    }
    return { id, weights, norm: Math.sqrt(sum) };
  }
}

/** Similarity-weighted votes of the nearest examples; confidence is the winner's share times its best similarity. */
function vote(nearest: Array<{ id: string; similarity: number }>): Guess | null {
  const first = nearest[0];
  if (!first) return null;
  const votes = new Map<string, number>();
  for (const n of nearest) votes.set(n.id, (votes.get(n.id) ?? 0) + n.similarity);
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const [id, weight] = [...votes].sort((a, b) => b[1] - a[1])[0] as [string, number];
  const best = Math.max(...nearest.filter((n) => n.id === id).map((n) => n.similarity));
  return { id, confidence: Math.round(Math.min(MAX_CONFIDENCE, best * (weight / total)) * 100) / 100 };
}

function cosine(a: Vector, b: Vector): number {
  if (b.norm === 0) return 0;
  let dot = 0;
  const [small, large] = a.weights.size < b.weights.size ? [a, b] : [b, a];
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
}

const TOKEN = /[a-z_][a-z0-9_]{1,39}/g;
/** Words every error text has: they would make unrelated texts look alike. */
const STOP = new Set(['the', 'at', 'in', 'of', 'to', 'is', 'and', 'or', 'for', 'on', 'an', 'be', 'by', 'with', 'from', 'this', 'that', 'it', 'as', 'was', 'not', 'are', 'js', 'ts', 'node_modules', 'line', 'file', 'error', 'errors']);

/** Lower-cased words and codes (EADDRINUSE, TS2322, ENOENT), without paths' digits and stop words. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const match of text.slice(0, 64 * 1024).toLowerCase().matchAll(TOKEN)) {
    const term = match[0];
    if (STOP.has(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (++n >= MAX_TOKENS) break;
  }
  return counts;
}
