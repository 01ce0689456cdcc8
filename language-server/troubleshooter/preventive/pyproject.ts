import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../scanner/ecosystems/context';
import { parseTomlText } from '../../scanner/ecosystems/parse';
import { cachedParse } from './fileCache';

export interface Pyproject {
  path: string;
  text: string;
  doc: Record<string, unknown>;
}

/** The project's pyproject.toml, cached by file stamp; undefined when missing or not valid TOML. */
export function readPyproject(projectDir: string): Promise<Pyproject | undefined> {
  const file = path.join(projectDir, 'pyproject.toml');
  return cachedParse(file, 'pyproject', MAX_MANIFEST_BYTES, (text) => {
    const parsed = parseTomlText(text);
    return parsed.ok ? { path: file, text, doc: parsed.value } : undefined;
  });
}

/**
 * 1-based line of `key =` inside the `[table]` section (top-level tables only, as pyproject.toml writes these
 * keys); undefined when it is written some other way (an inline table, a dotted key).
 */
export function tomlKeyLine(text: string, table: string, key: string): number | undefined {
  let inTable = false;
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const header = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header) inTable = (header[1] as string).trim() === table;
    else if (inTable && new RegExp(`^\\s*["']?${key.replace(/[-.]/g, '\\$&')}["']?\\s*=`).test(line)) return i + 1;
  }
  return undefined;
}
