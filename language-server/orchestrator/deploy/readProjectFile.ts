import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseJsonText, parseTomlText } from '../../scanner/ecosystems/parse';
import { readTextCapped } from '../../scanner/ecosystems/read';

/** Config files are small; anything bigger is not what we are looking for and is not read whole. */
const MAX_BYTES = 1 << 20;

/** `missing`: the file is simply not there (not a dangling link), which optional files need not mention. */
export type Read<T> = { ok: true; value: T } | { ok: false; note: string; missing?: boolean };

/**
 * A project file's text, `rel` naming it (relative to `dir`) in notes. The scanner's reader is used because it
 * already turns every bad case into a message instead of a throw or a hang: missing, folder, named pipe, link
 * loop, dangling link, binary, not UTF-8, too big.
 */
export async function readText(dir: string, rel: string): Promise<Read<string>> {
  const read = await readTextCapped(path.join(dir, rel), rel, 'config', MAX_BYTES);
  // The shared reader calls every file of this role a "settings file"; these are deployment configs.
  if (read.ok) return { ok: true, value: read.text };
  return { ok: false, note: read.finding.message.replace(/settings file/g, 'config file'), ...(read.missing ? { missing: true } : {}) };
}

export async function readJson(dir: string, rel: string): Promise<Read<unknown>> {
  const text = await readText(dir, rel);
  if (!text.ok) return text;
  const parsed = parseJsonText(text.value);
  return parsed.ok ? parsed : { ok: false, note: `${rel} is ${parsed.message}` };
}

/** A JSON file whose top level must be an object; anything else is a note saying what it holds. */
export async function readJsonObject(dir: string, rel: string): Promise<Read<Record<string, unknown>>> {
  const read = await readJson(dir, rel);
  if (!read.ok || isRecord(read.value)) return read as Read<Record<string, unknown>>;
  return { ok: false, note: `${rel} should hold a JSON object, but holds ${describe(read.value)}` };
}

export async function readToml(dir: string, rel: string): Promise<Read<Record<string, unknown>>> {
  const text = await readText(dir, rel);
  if (!text.ok) return text;
  const parsed = parseTomlText(text.value);
  return parsed.ok ? parsed : { ok: false, note: `${rel} is ${parsed.message}` };
}

export async function readYaml(dir: string, rel: string): Promise<Read<unknown>> {
  const text = await readText(dir, rel);
  if (!text.ok) return text;
  try {
    const doc = parseDocument(text.value, { prettyErrors: true, uniqueKeys: false });
    const error = doc.errors[0];
    if (error) return { ok: false, note: `${rel} is not valid YAML: ${firstLine(error)}` };
    // The alias cap stops a "billion laughs" file from expanding into gigabytes.
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { ok: false, note: `${rel} is not valid YAML: ${firstLine(error)}` };
  }
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
