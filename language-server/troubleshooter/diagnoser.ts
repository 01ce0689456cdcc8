import { ErrorClassifier, type LabelledText } from './classifier';
import { diagnose, type DiagnoseOptions } from './diagnose';
import { loadKnowledge } from './knowledgeBase';
import type { Diagnosis, KnowledgeEntry } from './types';

export interface Diagnoser {
  diagnose(text: string): Diagnosis;
  /** Teaches the fallback classifier a text whose diagnosis the user confirmed. */
  learn(example: LabelledText): void;
  entries: readonly KnowledgeEntry[];
  /** User knowledge files that could not be used, and why. */
  problems: string[];
}

export interface DiagnoserOptions {
  /** The user's own knowledge files, e.g. `$OPTIMUS_HOME/knowledge`. */
  userDir?: string;
  /** Texts the user confirmed earlier (from the store). */
  confirmed?: readonly LabelledText[];
  boost?: DiagnoseOptions['boost'];
}

/** The knowledge base and the classifier it trains, loaded once and used for every text. */
export async function createDiagnoser(options: DiagnoserOptions = {}): Promise<Diagnoser> {
  const kb = await loadKnowledge(options.userDir ? { userDir: options.userDir } : {});
  const classifier = new ErrorClassifier([...kb.entries.flatMap((e) => e.examples.map((text) => ({ id: e.id, text }))), ...(options.confirmed ?? [])]);
  const fallback = (text: string) => classifier.classify(text);
  return {
    diagnose: (text) => diagnose(text, kb.entries, { fallback, ...(options.boost ? { boost: options.boost } : {}) }),
    learn: (example) => classifier.add(example),
    entries: kb.entries,
    problems: kb.problems,
  };
}
