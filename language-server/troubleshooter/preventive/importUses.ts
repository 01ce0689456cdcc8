/** The modules a JS/TS file loads: static imports and re-exports, `require('x')`, `import('x')`, `import x = require('x')`. */
import type ts from 'typescript';

export interface ImportUse {
  specifier: string;
  /** Offsets of the specifier's string literal, quotes included. */
  start: number;
  end: number;
  /** Erased at compile time (`import type`, `export type ... from`, `typeof import('x')`): only types need resolving. */
  typeOnly: boolean;
}

/** The import a node makes, if it makes one. Called for every node of the tree. */
export function importUseOf(t: typeof ts, node: ts.Node, source: ts.SourceFile): ImportUse | undefined {
  if (t.isImportDeclaration(node)) return literal(t, node.moduleSpecifier, source, isTypeOnlyImport(t, node.importClause));
  if (t.isExportDeclaration(node)) return node.moduleSpecifier ? literal(t, node.moduleSpecifier, source, node.isTypeOnly) : undefined;
  if (t.isImportEqualsDeclaration(node) && t.isExternalModuleReference(node.moduleReference)) {
    return literal(t, node.moduleReference.expression, source, node.isTypeOnly);
  }
  if (t.isImportTypeNode(node) && t.isLiteralTypeNode(node.argument)) return literal(t, node.argument.literal, source, true);
  if (t.isCallExpression(node) && node.arguments.length >= 1 && isLoaderCall(t, node)) return literal(t, node.arguments[0], source, false);
  return undefined;
}

function isLoaderCall(t: typeof ts, call: ts.CallExpression): boolean {
  if (call.expression.kind === t.SyntaxKind.ImportKeyword) return true;
  return t.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1;
}

/** Only the names' types are imported: `import type X`, or `import { type A, type B }` with nothing else. */
function isTypeOnlyImport(t: typeof ts, clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.phaseModifier === t.SyntaxKind.TypeKeyword) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && t.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function literal(t: typeof ts, node: ts.Node | undefined, source: ts.SourceFile, typeOnly: boolean): ImportUse | undefined {
  if (!node || !(t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node))) return undefined;
  return { specifier: node.text, start: node.getStart(source), end: node.end, typeOnly };
}
