import { parse } from 'yaml';
import { SPECIFICITY } from '../classify/projectTypes';
import { isSignalId, SIGNAL_IDS } from './signalIds';
import type { SignalId } from './signalIds';
import type { FitType, MonetizationTemplate } from './templateTypes';

const FIELDS = new Set(['title', 'summary', 'fits', 'signals', 'gaps']);

export class TemplateError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`Monetization template ${file} ${problem}`);
  }
}

/**
 * One template file (YAML) into a template, checked field by field so that a user's typo names the file and the
 * field, and never takes the other templates down. Throws TemplateError; the loader turns it into a note.
 */
export function parseTemplateFile(id: string, text: string, source: string): MonetizationTemplate {
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new TemplateError(source, `is not valid YAML (${firstLine(error)})`);
  }
  const doc = record(raw, source, 'the file');
  for (const key of Object.keys(doc)) if (!FIELDS.has(key)) throw new TemplateError(source, `has an unknown field "${key}" (known: ${[...FIELDS].join(', ')})`);
  return {
    id,
    title: text_(doc.title, source, 'title', 120),
    summary: text_(doc.summary, source, 'summary', 600),
    fits: fits(doc.fits, source),
    signals: weights(doc.signals, source),
    gaps: gaps(doc.gaps, source),
    source,
  };
}

function fits(value: unknown, source: string): Partial<Record<FitType, number>> {
  const map = record(value, source, 'fits');
  const out: Partial<Record<FitType, number>> = {};
  for (const [type, weight] of Object.entries(map)) {
    if (!(SPECIFICITY as readonly string[]).includes(type)) throw new TemplateError(source, `fits "${type}", which is no project type (one of ${SPECIFICITY.join(', ')})`);
    out[type as FitType] = number(weight, source, `fits.${type}`, 1);
  }
  if (Object.keys(out).length === 0) throw new TemplateError(source, 'fits no project type: give at least one under "fits"');
  return out;
}

function weights(value: unknown, source: string): Array<{ id: SignalId; weight: number }> {
  return Object.entries(record(value, source, 'signals')).map(([id, weight]) => ({ id: signal(id, source, 'signals'), weight: number(weight, source, `signals.${id}`, 10) }));
}

function gaps(value: unknown, source: string): Array<{ signal: SignalId; text: string }> {
  if (value === undefined || value === null) return [];
  return Object.entries(record(value, source, 'gaps')).map(([id, text]) => ({ signal: signal(id, source, 'gaps'), text: text_(text, source, `gaps.${id}`, 400) }));
}

function signal(id: string, source: string, where: string): SignalId {
  if (!isSignalId(id)) throw new TemplateError(source, `${where} names "${id}", which is no signal (one of ${SIGNAL_IDS.join(', ')})`);
  return id;
}

function number(value: unknown, source: string, where: string, max: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= max)) throw new TemplateError(source, `${where} must be a number above 0 and at most ${max}`);
  return value;
}

function record(value: unknown, source: string, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TemplateError(source, `${where} must be a mapping`);
  return value as Record<string, unknown>;
}

function text_(value: unknown, source: string, where: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TemplateError(source, `${where} must be a non-empty text`);
  if (value.length > max) throw new TemplateError(source, `${where} is longer than ${max} characters`);
  return value.trim();
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
