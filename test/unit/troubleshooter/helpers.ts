import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnose } from '../../../language-server/troubleshooter/diagnose';
import { loadKnowledge } from '../../../language-server/troubleshooter/knowledgeBase';
import type { Diagnosis, KnowledgeEntry } from '../../../language-server/troubleshooter/types';

export const DIAGNOSIS_FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'diagnosis');

let builtin: Promise<KnowledgeEntry[]> | undefined;

/** The built-in knowledge base, loaded once per test run. */
export function builtinEntries(): Promise<KnowledgeEntry[]> {
  builtin ??= loadKnowledge().then((kb) => kb.entries);
  return builtin;
}

/** Diagnoses with the built-in knowledge base and no learning. */
export async function diagnoseText(text: string): Promise<Diagnosis> {
  return diagnose(text, await builtinEntries());
}

export interface CorpusCase {
  n: number;
  label: string;
  text: string;
  source: string;
}

/** The development corpus: real error texts from public issue threads, with their diagnosis ids. */
export function devCorpus(): CorpusCase[] {
  return readFileSync(path.join(DIAGNOSIS_FIXTURES, 'dev-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CorpusCase);
}
