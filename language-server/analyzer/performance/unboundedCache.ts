import type ts from 'typescript';
import { position, typescript } from '../source';
import type { AnalyzerFinding } from '../types';
import type { ReferenceCollector } from './references';
import { performanceFinding } from './report';

/** A top-level `const cache = new Map()` (or Set, `{}`, `[]`, `Object.create(null)`). */
export interface CacheCandidate {
  name: ts.Identifier;
  kind: 'Map' | 'Set' | 'object' | 'array';
}

const GROW: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift']);
/** Members that remove entries or read the size: either way the code is keeping the collection in check. */
const BOUND: ReadonlySet<string> = new Set(['delete', 'clear', 'pop', 'shift', 'splice', 'size', 'length']);
const READ: ReadonlySet<string> = new Set([
  'get', 'has', 'forEach', 'keys', 'values', 'entries', 'includes', 'indexOf', 'lastIndexOf', 'find', 'findIndex', 'some', 'every',
  'map', 'filter', 'slice', 'join', 'at', 'reduce', 'concat', 'toString', 'hasOwnProperty',
]);
/** Words in a name that say it holds things remembered between calls. */
const CACHE_WORDS = /(^|[^a-z])(cache|cached|memo|memoized|seen|visited|history|lookup|results|store|buffer|sessions|requests)([^a-z]|$)/;

type Use = 'grow' | 'shrink' | 'read' | 'escape';

export function cacheCandidates(source: ts.SourceFile): CacheCandidate[] {
  const t = typescript();
  const out: CacheCandidate[] = [];
  for (const statement of source.statements) {
    if (!t.isVariableStatement(statement) || statement.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) continue;
    for (const decl of statement.declarationList.declarations) {
      const kind = decl.initializer && collectionKind(decl.initializer);
      if (kind && t.isIdentifier(decl.name)) out.push({ name: decl.name, kind });
    }
  }
  return out;
}

function collectionKind(init: ts.Expression): CacheCandidate['kind'] | null {
  const t = typescript();
  if (t.isNewExpression(init) && t.isIdentifier(init.expression)) {
    const name = init.expression.text;
    return name === 'Map' || name === 'Set' ? name : null;
  }
  if (t.isObjectLiteralExpression(init) && init.properties.length === 0) return 'object';
  if (t.isArrayLiteralExpression(init) && init.elements.length === 0) return 'array';
  const isCreateNull = t.isCallExpression(init) && init.expression.getText() === 'Object.create' && init.arguments[0]?.kind === t.SyntaxKind.NullKeyword;
  return isCreateNull ? 'object' : null;
}

/**
 * Reports a candidate that is grown inside a function and never shrunk, cleared, size-checked, reassigned or
 * handed to other code (which might bound it). Only names that say "cache" (or growth inside a request handler)
 * count: a registry filled by a few register() calls at startup also only grows, and is fine.
 */
export function checkUnboundedCache(candidate: CacheCandidate, refs: ReferenceCollector, source: ts.SourceFile, path: string): AnalyzerFinding | null {
  const name = candidate.name.text;
  if (refs.isShadowed(name)) return null;
  const uses = refs.references(name).map((r) => ({ ref: r, use: classify(r.node) }));
  if (uses.some((u) => u.use === 'shrink' || u.use === 'escape')) return null;
  const growth = uses.filter((u) => u.use === 'grow' && u.ref.ctx.fn !== null).map((u) => u.ref);
  const first = growth[0];
  if (!first || !(CACHE_WORDS.test(splitWords(name)) || growth.some((r) => r.ctx.handler !== null))) return null;
  const line = position(source, first.node.getStart(source)).line;
  const what = candidate.kind === 'object' || candidate.kind === 'array' ? `an ${candidate.kind}` : `a ${candidate.kind}`;
  const message = `${name} is ${what} at module level that only grows (added to on line ${line}, never deleted from, cleared or size-checked), so a long-running process keeps every entry; bound it (LRU, TTL, maximum size) or clear it.`;
  return performanceFinding('performance/unbounded-cache', source, path, candidate.name, message, { data: { name } });
}

/** `requestCache` → `request cache`, `SEEN_IDS` → `seen ids`. */
function splitWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

function classify(node: ts.Identifier): Use {
  const t = typescript();
  const p = node.parent;
  if (t.isPropertyAccessExpression(p) && p.expression === node) return memberUse(p);
  if (t.isElementAccessExpression(p) && p.expression === node) return elementUse(p);
  if (t.isBinaryExpression(p)) return p.left === node ? (p.operatorToken.kind === t.SyntaxKind.EqualsToken ? 'shrink' : 'escape') : binaryRead(p);
  if (t.isForOfStatement(p) || t.isForInStatement(p) || t.isTypeQueryNode(p)) return 'read';
  if (t.isCallExpression(p) && p.arguments.includes(node)) return argumentUse(p, node);
  return 'escape';
}

function memberUse(access: ts.PropertyAccessExpression): Use {
  const t = typescript();
  const member = access.name.text;
  if (BOUND.has(member)) return 'shrink';
  const called = t.isCallExpression(access.parent) && access.parent.expression === access;
  if (called) return GROW.has(member) ? 'grow' : READ.has(member) ? 'read' : 'escape';
  // `cache.someKey = v` sets one fixed key: that cannot grow without bound.
  return 'read';
}

function elementUse(access: ts.ElementAccessExpression): Use {
  const t = typescript();
  const p = access.parent;
  if (t.isDeleteExpression(p)) return 'shrink';
  if (t.isBinaryExpression(p) && p.left === access) return p.operatorToken.kind === t.SyntaxKind.EqualsToken || p.operatorToken.kind === t.SyntaxKind.QuestionQuestionEqualsToken ? 'grow' : 'read';
  return 'read';
}

/** `k in cache`, `cache === x`: reads. */
function binaryRead(p: ts.BinaryExpression): Use {
  const t = typescript();
  const op = p.operatorToken.kind;
  return op === t.SyntaxKind.InKeyword || op === t.SyntaxKind.EqualsEqualsEqualsToken || op === t.SyntaxKind.ExclamationEqualsEqualsToken ? 'read' : 'escape';
}

/** `Object.keys(cache).length` checks the size; `Object.assign(cache, x)` grows it; other callees may do anything. */
function argumentUse(call: ts.CallExpression, node: ts.Identifier): Use {
  const t = typescript();
  const callee = call.expression.getText();
  if (callee === 'Object.assign') return call.arguments[0] === node ? 'grow' : 'read';
  if (callee !== 'Object.keys' && callee !== 'Object.values' && callee !== 'Object.entries') return 'escape';
  const p = call.parent;
  return t.isPropertyAccessExpression(p) && p.name.text === 'length' ? 'shrink' : 'read';
}
