import type { StackFrame } from './frames/types';

export type FixKind = 'command' | 'edit' | 'guide';

/**
 * One way out of a diagnosis, as the knowledge base writes it. Texts may hold `{name}` placeholders filled from
 * the pattern's named groups (`{port}`, `{module}`); a fix whose placeholders the error did not fill is left
 * out rather than shown half-written, so entries list a general fix after a specific one.
 */
export interface FixTemplate {
  title: string;
  kind: FixKind;
  /** `command`: the shell line run in a terminal after the user confirms it. */
  command?: string;
  /** `command` done by Optimus itself rather than a shell line (e.g. `stop-port`: stop what listens on {port}). */
  action?: string;
  /** `edit`: the named edit Optimus builds and previews (e.g. `add-dependency`). */
  edit?: string;
  /** `guide`: what to do, in Markdown. */
  guide?: string;
  links?: string[];
}

/** A regular expression that names a cause; `weight` (0–1) is how surely it does. */
export interface CausePattern {
  regex: RegExp;
  weight: number;
  /** Another expression that must also occur somewhere in the text for this one to count. */
  requires?: RegExp;
}

export interface KnowledgeEntry {
  id: string;
  title: string;
  /** The cause in plain words, one sentence, with placeholders. */
  summary: string;
  /** Markdown: what happened and why. */
  explanation: string;
  patterns: CausePattern[];
  /** A line matching one of these names some other cause: this entry's patterns do not count on it. */
  excludes: RegExp[];
  fixes: FixTemplate[];
  /** Real-looking error texts: documentation, and what the fallback classifier learns from. */
  examples: string[];
  /** Where the entry was read from (a user's file, or the built-in knowledge base). */
  source: string;
}

/** A fix as offered for one error: the template with the error's facts filled in. */
export interface Fix extends FixTemplate {
  /** The fix's identity across errors (its kind and what it does, before facts are filled in): outcomes are counted per key. */
  key: string;
}

export interface Diagnosis {
  id: string;
  title: string;
  /** 0–1. */
  confidence: number;
  /** The cause in plain words, filled with what the text said (port, module, file...). */
  summary: string;
  explanation: string;
  fixes: Fix[];
  frames: StackFrame[];
  alternatives: Array<{ id: string; confidence: number }>;
  /** 0-based line of the text that named the cause; null when none did. */
  line: number | null;
  /** Named groups the matching pattern captured: `port`, `module`, `path`, ... */
  captures: Record<string, string>;
  /** `rules`: a knowledge-base pattern matched; `classifier`: the learned fallback; `none`: unknown. */
  by: 'rules' | 'classifier' | 'none';
}
