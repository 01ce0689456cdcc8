import { parse } from 'yaml';
import type { CausePattern, FixKind, FixTemplate, KnowledgeEntry } from './types';

/**
 * One knowledge file (YAML) into an entry, checked field by field: a user's file with a typo must say which
 * file and which field, and must never take the built-in knowledge down with it. Format: see knowledge/README.md.
 */
export function parseKnowledgeFile(id: string, text: string, source: string): KnowledgeEntry {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new KnowledgeError(source, `is not valid YAML (${firstLine(error)})`);
  }
  const doc = record(raw, source, 'the file');
  const known = new Set(['title', 'summary', 'explanation', 'patterns', 'excludes', 'fixes', 'examples']);
  for (const key of Object.keys(doc)) if (!known.has(key)) throw new KnowledgeError(source, `has an unknown field "${key}"`);
  return {
    id,
    title: str(doc.title, source, 'title'),
    summary: str(doc.summary, source, 'summary'),
    explanation: str(doc.explanation, source, 'explanation'),
    patterns: list(doc.patterns, source, 'patterns').map((p, i) => pattern(p, source, `patterns[${i}]`)),
    excludes: optionalList(doc.excludes, source, 'excludes').map((p, i) => regex(p, 'i', source, `excludes[${i}]`)),
    fixes: optionalList(doc.fixes, source, 'fixes').map((f, i) => fix(f, source, `fixes[${i}]`)),
    examples: optionalList(doc.examples, source, 'examples').map((e, i) => str(e, source, `examples[${i}]`)),
    source,
  };
}

export class KnowledgeError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`Knowledge file ${file} ${problem}`);
  }
}

/** A string is a pattern of weight 1; a mapping gives `regex`, `weight`, `case: sensitive` and `requires`. */
function pattern(value: unknown, source: string, where: string): CausePattern {
  if (typeof value === 'string') return { regex: regex(value, 'gim', source, where), weight: 1 };
  const p = record(value, source, where);
  for (const key of Object.keys(p)) if (!['regex', 'weight', 'case', 'requires'].includes(key)) throw new KnowledgeError(source, `has an unknown field "${key}" in ${where}`);
  const flags = p.case === 'sensitive' ? 'gm' : 'gim';
  const weight = p.weight === undefined ? 1 : p.weight;
  if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) throw new KnowledgeError(source, `${where}.weight must be a number above 0 and at most 1`);
  const out: CausePattern = { regex: regex(p.regex, flags, source, `${where}.regex`), weight };
  if (p.requires !== undefined) out.requires = regex(p.requires, 'im', source, `${where}.requires`);
  return out;
}

const FIX_KINDS: readonly FixKind[] = ['command', 'edit', 'guide'];

function fix(value: unknown, source: string, where: string): FixTemplate {
  const f = record(value, source, where);
  for (const key of Object.keys(f)) if (!['title', 'kind', 'command', 'action', 'edit', 'guide', 'links'].includes(key)) throw new KnowledgeError(source, `has an unknown field "${key}" in ${where}`);
  const kind = f.kind as FixKind;
  if (!FIX_KINDS.includes(kind)) throw new KnowledgeError(source, `${where}.kind must be one of ${FIX_KINDS.join(', ')}`);
  const out: FixTemplate = { title: str(f.title, source, `${where}.title`), kind };
  for (const key of ['command', 'action', 'edit', 'guide'] as const) if (f[key] !== undefined) out[key] = str(f[key], source, `${where}.${key}`);
  if (f.links !== undefined) out.links = list(f.links, source, `${where}.links`).map((l, i) => str(l, source, `${where}.links[${i}]`));
  if (kind === 'command' && !out.command && !out.action) throw new KnowledgeError(source, `${where} is a command fix without a command or an action`);
  if (kind === 'edit' && !out.edit) throw new KnowledgeError(source, `${where} is an edit fix without an edit`);
  if (kind === 'guide' && !out.guide && !out.links) throw new KnowledgeError(source, `${where} is a guide without guide text or links`);
  return out;
}

/** Bounded length keeps a pasted monster out; the regex itself runs only on error texts. */
function regex(value: unknown, flags: string, source: string, where: string): RegExp {
  const text = str(value, source, where);
  if (text.length > 500) throw new KnowledgeError(source, `${where} is longer than 500 characters`);
  try {
    return new RegExp(text, flags);
  } catch (error) {
    throw new KnowledgeError(source, `${where} is not a valid regular expression (${firstLine(error)})`);
  }
}

function record(value: unknown, source: string, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KnowledgeError(source, `${where} must be a mapping`);
  return value as Record<string, unknown>;
}

function list(value: unknown, source: string, where: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new KnowledgeError(source, `${where} must be a non-empty list`);
  return value;
}

function optionalList(value: unknown, source: string, where: string): unknown[] {
  return value === undefined || value === null ? [] : list(value, source, where);
}

function str(value: unknown, source: string, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new KnowledgeError(source, `${where} must be a non-empty text`);
  return value.trim();
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
