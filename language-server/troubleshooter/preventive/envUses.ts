/**
 * Environment keys a JS/TS file reads: `process.env.X`, `process.env['X']`, `import.meta.env.X` and
 * `const { X } = process.env`. Computed keys (`process.env[name]`) say nothing about which key and are skipped.
 */
import type ts from 'typescript';

export interface EnvUse {
  key: string;
  /** Offsets of the whole use (`process.env.X`), or of the destructured name. */
  start: number;
  end: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Most nodes are not env uses: one shared empty answer rather than an allocation per node. */
const NONE: readonly EnvUse[] = [];

export function envUsesOf(t: typeof ts, node: ts.Node, source: ts.SourceFile): readonly EnvUse[] {
  if (t.isPropertyAccessExpression(node) && isEnvObject(t, node.expression)) return use(node.name.text, node, source);
  if (t.isElementAccessExpression(node) && isEnvObject(t, node.expression) && t.isStringLiteralLike(node.argumentExpression)) {
    return use(node.argumentExpression.text, node, source);
  }
  if (t.isVariableDeclaration(node) && node.initializer && t.isObjectBindingPattern(node.name) && isEnvObject(t, node.initializer)) {
    return node.name.elements.flatMap((element) => use(boundKey(t, element) ?? '', element, source));
  }
  return NONE;
}

function use(key: string, node: ts.Node, source: ts.SourceFile): readonly EnvUse[] {
  return KEY.test(key) ? [{ key, start: node.getStart(source), end: node.end }] : NONE;
}

function boundKey(t: typeof ts, element: ts.BindingElement): string | undefined {
  const name = element.propertyName ?? element.name;
  return t.isIdentifier(name) || t.isStringLiteral(name) ? name.text : undefined;
}

/** `process.env`, `globalThis.process.env`, `import.meta.env`, through parentheses and `!`. */
function isEnvObject(t: typeof ts, expr: ts.Expression): boolean {
  let e = expr;
  while (t.isParenthesizedExpression(e) || t.isNonNullExpression(e)) e = e.expression;
  if (!t.isPropertyAccessExpression(e) || e.name.text !== 'env') return false;
  const owner = e.expression;
  if (t.isMetaProperty(owner)) return owner.keywordToken === t.SyntaxKind.ImportKeyword && owner.name.text === 'meta';
  if (t.isIdentifier(owner)) return owner.text === 'process';
  return t.isPropertyAccessExpression(owner) && owner.name.text === 'process' && t.isIdentifier(owner.expression) && owner.expression.text === 'globalThis';
}
