import type ts from 'typescript';
import { typescript } from '../source';
import type { HotContext } from './walker';

export interface Reference {
  node: ts.Identifier;
  ctx: HotContext;
}

/**
 * Collects, during the one walk, the uses of a few module-level names (imports, cache candidates). Scope is
 * approximated: a name declared twice is reported as shadowed and its uses are not trusted.
 */
export class ReferenceCollector {
  private readonly uses = new Map<string, Reference[]>();
  private readonly declarations = new Map<string, number>();

  constructor(watched: Iterable<string>) {
    for (const name of watched) this.uses.set(name, []);
  }

  visit(node: ts.Identifier, ctx: HotContext): void {
    const list = this.uses.get(node.text);
    if (!list || isPropertyName(node)) return;
    const name = node.text;
    if (isDeclarationName(node)) this.declarations.set(name, (this.declarations.get(name) ?? 0) + 1);
    else list.push({ node, ctx });
  }

  references(name: string): Reference[] {
    return this.uses.get(name) ?? [];
  }

  /** Declared more than once in the file: some uses may be of another variable. */
  isShadowed(name: string): boolean {
    return (this.declarations.get(name) ?? 0) > 1;
  }
}

/** A name that is a property key, not a variable: `a.cache`, `{ cache: 1 }`, `class { cache = 1 }`. */
export function isPropertyName(node: ts.Identifier): boolean {
  const t = typescript();
  const p = node.parent;
  if (t.isPropertyAccessExpression(p)) return p.name === node;
  if (t.isQualifiedName(p)) return p.right === node;
  if (t.isPropertyAssignment(p) || t.isMethodDeclaration(p) || t.isPropertyDeclaration(p) || t.isPropertySignature(p) || t.isMethodSignature(p)) return p.name === node;
  if (t.isGetAccessor(p) || t.isSetAccessor(p) || t.isEnumMember(p) || t.isJsxAttribute(p)) return p.name === node;
  if (t.isBindingElement(p) || t.isImportSpecifier(p) || t.isExportSpecifier(p)) return p.propertyName === node;
  return t.isLabeledStatement(p) || t.isBreakOrContinueStatement(p);
}

function isDeclarationName(node: ts.Identifier): boolean {
  const t = typescript();
  const p = node.parent;
  const named = t.isVariableDeclaration(p) || t.isParameter(p) || t.isBindingElement(p) || t.isFunctionDeclaration(p) || t.isFunctionExpression(p) || t.isClassDeclaration(p) || t.isClassExpression(p);
  if (named) return p.name === node;
  return t.isImportSpecifier(p) || t.isImportClause(p) || t.isNamespaceImport(p) || t.isImportEqualsDeclaration(p);
}
