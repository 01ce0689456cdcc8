/**
 * The open document as the checks read it. Three checks walk the same JS/TS tree on every keystroke, so the
 * parse is shared and kept while the text is unchanged. Huge or binary "documents" are not read at all.
 */
import type ts from 'typescript';
import { isScript, parseScript } from '../../analyzer/source';
import type { PreventiveDoc } from './types';

/** A source file people edit is far smaller; past this it is generated or bundled code. */
export const MAX_DOCUMENT_CHARS = 1_000_000;
const MAX_PARSES = 16;

const parses = new Map<string, { text: string; source: ts.SourceFile | undefined }>();

export function isReadableDocument(doc: PreventiveDoc): boolean {
  return doc.text.length <= MAX_DOCUMENT_CHARS && !doc.text.includes('\0');
}

/** The JS/TS tree of the document; undefined for other languages, unreadable text or a parser failure. */
export function scriptSource(doc: PreventiveDoc): ts.SourceFile | undefined {
  if (!isScript(doc.language) || !isReadableDocument(doc)) return undefined;
  const known = parses.get(doc.path);
  if (known?.text === doc.text) return known.source;
  const source = parseOrUndefined(doc);
  parses.delete(doc.path);
  parses.set(doc.path, { text: doc.text, source });
  if (parses.size > MAX_PARSES) parses.delete(parses.keys().next().value as string);
  return source;
}

// TypeScript's parser recurses: thousands of nested brackets overflow the stack, which must not reach the server.
function parseOrUndefined(doc: PreventiveDoc): ts.SourceFile | undefined {
  try {
    return parseScript(doc.path, doc.text);
  } catch {
    return undefined;
  }
}
