/**
 * Which module system a script's own syntax assumes. CommonJS: `require`, `module.exports`, `exports.x`,
 * `__dirname`, `__filename`, counted only where they are references to the free names Node's CommonJS wrapper
 * supplies: a file that declares its own `require` (`createRequire`) or `__dirname` (`fileURLToPath`), or
 * guards with `typeof module`, is fine in either system. ES modules: top-level `import` and `export` statements.
 */
import type ts from 'typescript';

export type CjsConstruct = 'require' | 'module.exports' | 'exports' | '__dirname' | '__filename';

export interface SyntaxUse {
  /** `require`, `module.exports`, ... or `import`, `export`. */
  what: string;
  start: number;
  end: number;
}

export interface ModuleSyntax {
  firstEsm: SyntaxUse | undefined;
  /** The first CommonJS construct that is not declared or guarded in the file. */
  firstCjs: SyntaxUse | undefined;
}

const CJS_NAMES: ReadonlySet<string> = new Set(['require', 'module', 'exports', '__dirname', '__filename']);

export class ModuleSyntaxCollector {
  private readonly uses: SyntaxUse[] = [];
  private readonly declared = new Set<string>();

  constructor(private readonly t: typeof ts, private readonly source: ts.SourceFile) {}

  /** Called for every node of the tree, in document order. */
  note(node: ts.Node): void {
    if (!this.t.isIdentifier(node) || !CJS_NAMES.has(node.text)) return;
    const parent = node.parent;
    if (declares(this.t, parent, node) || (this.t.isTypeOfExpression(parent) && parent.expression === node)) this.declared.add(node.text);
    else if (isReference(this.t, parent, node)) this.noteReference(node, parent);
  }

  done(): ModuleSyntax {
    return { firstEsm: firstEsmStatement(this.t, this.source), firstCjs: this.uses.find((u) => !this.declared.has(u.what.split('.')[0] ?? '')) };
  }

  private noteReference(node: ts.Identifier, parent: ts.Node): void {
    const member = this.t.isPropertyAccessExpression(parent) && parent.expression === node ? parent : undefined;
    const start = node.getStart(this.source);
    if (node.text === 'module') {
      if (member?.name.text === 'exports') this.uses.push({ what: 'module.exports', start, end: member.end });
    } else if (node.text === 'exports') {
      if (member) this.uses.push({ what: 'exports', start, end: member.end });
    } else {
      this.uses.push({ what: node.text, start, end: node.end });
    }
  }
}

/** The identifier is the name a declaration introduces (variable, parameter, function, class, import). */
function declares(t: typeof ts, parent: ts.Node, node: ts.Identifier): boolean {
  if (t.isVariableDeclaration(parent) || t.isParameter(parent) || t.isFunctionDeclaration(parent) || t.isFunctionExpression(parent)
    || t.isClassDeclaration(parent) || t.isImportClause(parent) || t.isNamespaceImport(parent) || t.isImportEqualsDeclaration(parent)) {
    return parent.name === node;
  }
  if (t.isImportSpecifier(parent)) return parent.name === node;
  return t.isBindingElement(parent) && parent.name === node;
}

/** Property names, labels and the like share the text but are not the variable. */
function isReference(t: typeof ts, parent: ts.Node, node: ts.Identifier): boolean {
  if (t.isPropertyAccessExpression(parent) || t.isQualifiedName(parent)) return (t.isPropertyAccessExpression(parent) ? parent.expression : parent.left) === node;
  if (t.isPropertyAssignment(parent) || t.isMethodDeclaration(parent) || t.isPropertyDeclaration(parent) || t.isPropertySignature(parent)
    || t.isGetAccessorDeclaration(parent) || t.isSetAccessorDeclaration(parent) || t.isEnumMember(parent)) {
    return parent.name !== node;
  }
  if (t.isBindingElement(parent) || t.isImportSpecifier(parent)) return false;
  return !(t.isExportSpecifier(parent) || t.isLabeledStatement(parent) || t.isBreakOrContinueStatement(parent) || t.isJsxAttribute(parent));
}

function firstEsmStatement(t: typeof ts, source: ts.SourceFile): SyntaxUse | undefined {
  for (const statement of source.statements) {
    const what = t.isImportDeclaration(statement) ? 'import'
      : t.isExportDeclaration(statement) || t.isExportAssignment(statement) || hasExportModifier(t, statement) ? 'export' : undefined;
    if (what) return { what, start: statement.getStart(source), end: statement.end };
  }
  return undefined;
}

function hasExportModifier(t: typeof ts, statement: ts.Statement): boolean {
  return t.canHaveModifiers(statement) && (t.getModifiers(statement)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword) ?? false);
}
