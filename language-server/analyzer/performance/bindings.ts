import type ts from 'typescript';
import { typescript } from '../source';

/** A local name bound to a module (or one member of it) by a top-level import or require. */
export interface ModuleBinding {
  local: string;
  module: string;
  /** The member it names; null when it is the whole module (default, namespace, `require(m)`). */
  member: string | null;
  form: 'import' | 'require';
  /** The statement that binds it: the fix for a heavy import replaces this. */
  statement: ts.Statement;
  /** True when the statement binds nothing else (one declarator, one specifier). */
  alone: boolean;
}

/** `require('m')` → 'm'; anything else → null. */
export function requiredModule(node: ts.Node): string | null {
  const t = typescript();
  if (!t.isCallExpression(node) || !t.isIdentifier(node.expression) || node.expression.text !== 'require') return null;
  const [arg] = node.arguments;
  return node.arguments.length === 1 && arg && t.isStringLiteralLike(arg) ? arg.text : null;
}

/**
 * Bindings made at the top of the module. Requires inside functions are left out: they are rare, and looking
 * only at top-level statements keeps this a pass over a few statements rather than the whole tree.
 */
export function moduleBindings(source: ts.SourceFile): ModuleBinding[] {
  const t = typescript();
  const out: ModuleBinding[] = [];
  for (const statement of source.statements) {
    if (t.isImportDeclaration(statement)) out.push(...importBindings(statement));
    else if (t.isVariableStatement(statement)) out.push(...requireBindings(statement));
    else if (t.isImportEqualsDeclaration(statement)) out.push(...importEqualsBinding(statement));
  }
  return out;
}

function importBindings(decl: ts.ImportDeclaration): ModuleBinding[] {
  const t = typescript();
  const clause = decl.importClause;
  if (!clause || clause.isTypeOnly || !t.isStringLiteral(decl.moduleSpecifier)) return [];
  const module = decl.moduleSpecifier.text;
  const named = clause.namedBindings;
  const count = (clause.name ? 1 : 0) + (named ? (t.isNamespaceImport(named) ? 1 : named.elements.length) : 0);
  const make = (local: string, member: string | null): ModuleBinding => ({ local, module, member, form: 'import', statement: decl, alone: count === 1 });
  const out: ModuleBinding[] = [];
  if (clause.name) out.push(make(clause.name.text, null));
  if (named && t.isNamespaceImport(named)) out.push(make(named.name.text, null));
  if (named && t.isNamedImports(named)) {
    for (const el of named.elements) {
      if (el.isTypeOnly) continue;
      const imported = (el.propertyName ?? el.name).text;
      // `import { default as x }` is the whole module, like a default import.
      out.push(make(el.name.text, imported === 'default' ? null : imported));
    }
  }
  return out;
}

function importEqualsBinding(decl: ts.ImportEqualsDeclaration): ModuleBinding[] {
  const t = typescript();
  const ref = decl.moduleReference;
  if (decl.isTypeOnly || !t.isExternalModuleReference(ref) || !t.isStringLiteral(ref.expression)) return [];
  return [{ local: decl.name.text, module: ref.expression.text, member: null, form: 'require', statement: decl, alone: true }];
}

function requireBindings(statement: ts.VariableStatement): ModuleBinding[] {
  const decls = statement.declarationList.declarations;
  return decls.flatMap((d) => declaratorBindings(d, statement, decls.length === 1));
}

/** `const x = require(m)`, `const { a, b: c } = require(m)`, `const a = require(m).a`. */
function declaratorBindings(decl: ts.VariableDeclaration, statement: ts.Statement, single: boolean): ModuleBinding[] {
  const t = typescript();
  const init = decl.initializer;
  if (!init) return [];
  const whole = requiredModule(init);
  if (whole !== null && t.isIdentifier(decl.name)) return [{ local: decl.name.text, module: whole, member: null, form: 'require', statement, alone: single }];
  if (whole !== null && t.isObjectBindingPattern(decl.name)) return patternBindings(decl.name, whole, statement, single);
  if (t.isPropertyAccessExpression(init) && t.isIdentifier(decl.name)) {
    const module = requiredModule(init.expression);
    if (module !== null) return [{ local: decl.name.text, module, member: init.name.text, form: 'require', statement, alone: single }];
  }
  return [];
}

function patternBindings(pattern: ts.ObjectBindingPattern, module: string, statement: ts.Statement, single: boolean): ModuleBinding[] {
  const t = typescript();
  const out: ModuleBinding[] = [];
  const alone = single && pattern.elements.length === 1;
  for (const el of pattern.elements) {
    // A rest element keeps the whole module; a default value or nested pattern is not a plain member binding.
    if (el.dotDotDotToken || el.initializer || !t.isIdentifier(el.name)) {
      out.push({ local: t.isIdentifier(el.name) ? el.name.text : '', module, member: null, form: 'require', statement, alone: false });
      continue;
    }
    const prop = el.propertyName;
    const member = prop && (t.isIdentifier(prop) || t.isStringLiteral(prop)) ? prop.text : el.name.text;
    out.push({ local: el.name.text, module, member, form: 'require', statement, alone });
  }
  return out;
}
