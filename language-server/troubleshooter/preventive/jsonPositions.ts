/**
 * Where a key is written in a JSON file (package.json): TypeScript's JSON parser keeps positions, so a finding
 * can point at `"lodash":` inside `dependencies` rather than at the first `"lodash"` anywhere in the file.
 */
import type ts from 'typescript';
import { position, typescript } from '../../analyzer/source';
import type { Span } from './finding';

const parsed = new Map<string, { text: string; source: ts.JsonSourceFile }>();

function jsonSource(file: string, text: string): ts.JsonSourceFile {
  const known = parsed.get(file);
  if (known?.text === text) return known.source;
  const source = typescript().parseJsonText(file, text);
  parsed.delete(file);
  parsed.set(file, { text, source });
  if (parsed.size > 20) parsed.delete(parsed.keys().next().value as string);
  return source;
}

/** The span of the key at the end of `keys` (`['engines', 'node']`); undefined when it is not there. */
export function jsonKeySpan(file: string, text: string, keys: readonly string[]): Span | undefined {
  const t = typescript();
  const source = jsonSource(file, text);
  let node: ts.Expression | undefined = source.statements[0]?.expression;
  let key: ts.PropertyName | undefined;
  for (const name of keys) {
    if (!node || !t.isObjectLiteralExpression(node)) return undefined;
    const property = node.properties.findLast((p): p is ts.PropertyAssignment => t.isPropertyAssignment(p) && propertyName(t, p.name) === name);
    // JSON.parse keeps the last of duplicate keys, so the last is the one that counts
    if (!property) return undefined;
    key = property.name;
    node = property.initializer;
  }
  if (!key) return undefined;
  const from = position(source, key.getStart(source));
  const to = position(source, key.end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function propertyName(t: typeof ts, name: ts.PropertyName): string | undefined {
  return t.isStringLiteral(name) || t.isIdentifier(name) || t.isNumericLiteral(name) ? name.text : undefined;
}

/** The key's span, else the first line: a finding always has a place. */
export function keySpanOrStart(file: string, text: string, keys: readonly string[]): Span {
  return jsonKeySpan(file, text, keys) ?? { line: 1, column: 1 };
}
