import type ts from 'typescript';
import { typescript } from '../source';
import type { TextEdit, TextFix } from '../types';
import type { ModuleBinding } from './bindings';
import { LODASH_MODULAR } from './lodashMethods';
import { isPropertyName } from './references';
import type { Reference } from './references';

/**
 * The rewrite of a whole-lodash require to per-function modules, or null where it is not certain to behave the
 * same. Only the CommonJS form is rewritten (`require('lodash/x')` resolves wherever `require('lodash')` did;
 * an ES `import x from 'lodash/x'` fails under Node's ESM resolution, which wants `lodash/x.js`), only for
 * lodash 4 (lodash 3 keeps its modules in other folders), only for functions lodash ships as modules, and only
 * when the new local names are unused in the file.
 */
export function lodashFix(bindings: readonly ModuleBinding[], uses: readonly Reference[], source: ts.SourceFile): TextFix | null {
  const t = typescript();
  const first = bindings[0];
  const statement = first?.statement;
  if (!first || !statement || !t.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return null;
  if (bindings.some((b) => b.form !== 'require')) return null;
  const imports = first.member === null ? wholeImports(bindings, uses, source) : namedImports(bindings);
  if (!imports || imports.length === 0 || imports.some((i) => !LODASH_MODULAR.has(i.member))) return null;
  const edits: TextEdit[] = [{ start: statement.getStart(source), end: statement.end, text: declarations(statement, imports, source) }];
  if (first.member === null) edits.push(...uses.map((u) => memberEdit(u.node.parent as ts.PropertyAccessExpression, source)));
  const names = imports.map((i) => `lodash/${i.member}`).join(' and ');
  return { title: `Require ${names} instead of all of lodash`, edits };
}

interface ModularImport {
  local: string;
  member: string;
}

/** `const _ = require('lodash')` used only as `_.a(…)`/`_.b`: each member becomes its own local of that name. */
function wholeImports(bindings: readonly ModuleBinding[], uses: readonly Reference[], source: ts.SourceFile): ModularImport[] | null {
  const t = typescript();
  if (bindings.length !== 1) return null;
  const members = new Set<string>();
  for (const use of uses) {
    const access = use.node.parent;
    if (!t.isPropertyAccessExpression(access) || isWritten(access)) return null;
    members.add(access.name.text);
  }
  const taken = variableNames(source);
  if ([...members].some((m) => taken.has(m))) return null;
  return [...members].map((member) => ({ local: member, member }));
}

/** Every identifier in the file that is not a property key: the names a new local could clash with. */
function variableNames(source: ts.SourceFile): Set<string> {
  const t = typescript();
  const names = new Set<string>();
  const stack: ts.Node[] = [source];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (t.isIdentifier(node) && !isPropertyName(node)) names.add(node.text);
    t.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return names;
}

function namedImports(bindings: readonly ModuleBinding[]): ModularImport[] | null {
  if (bindings.some((b) => b.member === null || b.local === '')) return null;
  return bindings.map((b) => ({ local: b.local, member: b.member as string }));
}

function isWritten(access: ts.PropertyAccessExpression): boolean {
  const t = typescript();
  const p = access.parent;
  if (t.isDeleteExpression(p)) return true;
  return t.isBinaryExpression(p) && p.left === access && p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment;
}

/** One declaration per function, keeping the statement's keyword, quote style and semicolon habit. */
function declarations(statement: ts.VariableStatement, imports: readonly ModularImport[], source: ts.SourceFile): string {
  const t = typescript();
  const flags = statement.declarationList.flags;
  const keyword = flags & t.NodeFlags.Const ? 'const' : flags & t.NodeFlags.Let ? 'let' : 'var';
  const text = statement.getText(source);
  const quote = /require\(\s*(['"`])/.exec(text)?.[1] ?? "'";
  const semi = text.trimEnd().endsWith(';') ? ';' : '';
  return imports.map((i) => `${keyword} ${i.local} = require(${quote}lodash/${i.member}${quote})${semi}`).join('\n');
}

function memberEdit(access: ts.PropertyAccessExpression, source: ts.SourceFile): TextEdit {
  return { start: access.getStart(source), end: access.end, text: access.name.text };
}
