import type ts from 'typescript';
import { calleeOf, unwrap } from './astNames';
import type { FileFacts } from './ruleContext';

const CHILD_PROCESS = new Set(['child_process', 'node:child_process']);

/**
 * Collects the facts rules resolve names with while the scan walks the file in document order
 * (`promisify(exec)` needs the import seen first). Rules run after the walk, so bindings made after their use
 * are known too.
 */
export function factsCollector(t: typeof ts): { note: (node: ts.Node) => void; done: () => FileFacts } {
  const facts: MutableFacts = { processFunctions: new Map(), processModules: new Set(), constants: new Map() };
  const repeated = new Set<string>();
  return {
    note(node) {
      if (t.isImportDeclaration(node)) noteImport(t, node, facts);
      else if (t.isVariableDeclaration(node)) noteVariable(t, node, facts, repeated);
    },
    done() {
      for (const name of repeated) facts.constants.delete(name);
      return facts;
    },
  };
}

type MutableFacts = { processFunctions: Map<string, string>; processModules: Set<string>; constants: Map<string, ts.Expression> };

function noteImport(t: typeof ts, node: ts.ImportDeclaration, facts: MutableFacts): void {
  if (!t.isStringLiteral(node.moduleSpecifier) || !CHILD_PROCESS.has(node.moduleSpecifier.text)) return;
  const clause = node.importClause;
  if (clause?.name) facts.processModules.add(clause.name.text);
  const bindings = clause?.namedBindings;
  if (bindings && t.isNamespaceImport(bindings)) facts.processModules.add(bindings.name.text);
  if (bindings && t.isNamedImports(bindings)) {
    for (const el of bindings.elements) facts.processFunctions.set(el.name.text, (el.propertyName ?? el.name).text);
  }
}

function noteVariable(t: typeof ts, node: ts.VariableDeclaration, facts: MutableFacts, repeated: Set<string>): void {
  const init = node.initializer ? unwrap(t, node.initializer) : undefined;
  if (!init) return;
  if (t.isIdentifier(node.name) && (t.getCombinedNodeFlags(node) & t.NodeFlags.Const) !== 0) {
    if (facts.constants.has(node.name.text)) repeated.add(node.name.text);
    facts.constants.set(node.name.text, init);
  }
  if (isChildProcessRequire(t, init)) noteRequire(t, node.name, facts);
  const promisified = promisifiedMethod(t, init, facts);
  if (promisified && t.isIdentifier(node.name)) facts.processFunctions.set(node.name.text, promisified);
}

/** `require('child_process')`, also awaited `import('node:child_process')`. */
function isChildProcessRequire(t: typeof ts, init: ts.Expression): boolean {
  const call = t.isAwaitExpression(init) ? unwrap(t, init.expression) : init;
  if (!t.isCallExpression(call)) return false;
  const arg = call.arguments[0];
  const isLoader = call.expression.kind === t.SyntaxKind.ImportKeyword || calleeOf(t, call.expression).name === 'require';
  return isLoader && arg !== undefined && t.isStringLiteral(arg) && CHILD_PROCESS.has(arg.text);
}

function noteRequire(t: typeof ts, name: ts.BindingName, facts: MutableFacts): void {
  if (t.isIdentifier(name)) facts.processModules.add(name.text);
  if (!t.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    const local = t.isIdentifier(el.name) ? el.name.text : undefined;
    const imported = el.propertyName && t.isIdentifier(el.propertyName) ? el.propertyName.text : local;
    if (local && imported) facts.processFunctions.set(local, imported);
  }
}

/** `promisify(exec)` / `util.promisify(cp.exec)` keeps exec's shell. */
function promisifiedMethod(t: typeof ts, init: ts.Expression, facts: MutableFacts): string | undefined {
  if (!t.isCallExpression(init) || calleeOf(t, init.expression).name !== 'promisify') return undefined;
  const arg = init.arguments[0] ? unwrap(t, init.arguments[0]) : undefined;
  if (!arg) return undefined;
  if (t.isIdentifier(arg)) return facts.processFunctions.get(arg.text);
  const { name, object } = calleeOf(t, arg);
  return object && t.isIdentifier(object) && facts.processModules.has(object.text) ? name : undefined;
}
