/**
 * For each TypeScript node ESLint treats as a function of its own (a code path of origin "function",
 * "class-field-initializer" or "class-static-block"): the name ESLint's complexity message gives it
 * (`astUtils.getFunctionNameWithKind`) and the offset it reports at (`astUtils.getFunctionHeadLoc`).
 * The TypeScript AST merges nodes ESTree keeps apart (a class method is MethodDefinition + FunctionExpression
 * there), so the rules below restate ESLint's in TypeScript's shapes.
 */
import type ts from 'typescript';
import { typescript } from '../source';
import { syntaxKinds } from './kinds';
import { skipTrivia } from './trivia';

let K: typeof ts.SyntaxKind | null = null;
const kinds = (): typeof ts.SyntaxKind => (K ??= syntaxKinds());

/** ESLint's code path of origin "function" when the node has a body (overloads, abstract and declared ones have none). */
export type FunctionUnit =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

export interface FunctionHead {
  name: string;
  /** Offset of ESLint's report position. */
  offset: number;
}

/**
 * A class field whose value ESLint analyses as its own code path. `accessor x = …` is an AccessorProperty in
 * ESTree, which ESLint's code-path analyser does not treat that way, so its value stays in the enclosing function.
 */
export function isClassFieldInitializer(node: ts.Node): node is ts.PropertyDeclaration & { initializer: ts.Expression } {
  if (node.kind !== kinds().PropertyDeclaration) return false;
  const t = typescript();
  return t.isPropertyDeclaration(node) && node.initializer !== undefined && t.isClassLike(node.parent) && !hasModifier(node, t.SyntaxKind.AccessorKeyword);
}

export function classFieldInitializerHead(field: ts.PropertyDeclaration & { initializer: ts.Expression }, source: ts.SourceFile): FunctionHead {
  // ESTree has no parenthesis nodes, so the reported value node starts inside any parentheses.
  return { name: 'class field initializer', offset: skipParentheses(field.initializer).getStart(source) };
}

export function staticBlockHead(block: ts.ClassStaticBlockDeclaration, source: ts.SourceFile): FunctionHead {
  return { name: 'class static block', offset: block.getStart(source) };
}

export function functionHead(node: FunctionUnit, source: ts.SourceFile): FunctionHead {
  return { name: functionName(node), offset: headOffset(node, source) };
}

/** The ESTree parent kind that decides naming and location: a method-like member, an object property, or neither. */
type Holder =
  | { kind: 'method'; member: ts.MethodDeclaration | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration; inClass: boolean }
  | { kind: 'property'; member: ts.PropertyAssignment }
  | { kind: 'field'; member: ts.PropertyDeclaration }
  | { kind: 'none' };

function holderOf(node: FunctionUnit): Holder {
  const t = typescript();
  if (t.isMethodDeclaration(node) || t.isConstructorDeclaration(node) || t.isGetAccessorDeclaration(node) || t.isSetAccessorDeclaration(node)) {
    return { kind: 'method', member: node, inClass: t.isClassLike(node.parent) };
  }
  const parent = parentSkippingParentheses(node);
  if (t.isPropertyAssignment(parent) && skipParentheses(parent.initializer) === node) return { kind: 'property', member: parent };
  if (isClassFieldInitializer(parent) && skipParentheses(parent.initializer) === node) return { kind: 'field', member: parent };
  return { kind: 'none' };
}

function headOffset(node: FunctionUnit, source: ts.SourceFile): number {
  const t = typescript();
  const holder = holderOf(node);
  if (holder.kind !== 'none') return holder.member.getStart(source);
  if (t.isArrowFunction(node)) return node.equalsGreaterThanToken.getStart(source);
  return functionKeywordStart(node, source);
}

/** ESTree's FunctionDeclaration starts at `async` or `function`, after `export`/`default`/`declare`. */
function functionKeywordStart(node: FunctionUnit, source: ts.SourceFile): number {
  const t = typescript();
  const modifiers = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  if (!modifiers || modifiers.length === 0) return node.getStart(source);
  const asyncModifier = modifiers.find((m) => m.kind === t.SyntaxKind.AsyncKeyword);
  if (asyncModifier) return asyncModifier.getStart(source);
  const last = modifiers[modifiers.length - 1] as ts.Modifier;
  return skipTrivia(source.text, last.end);
}

function functionName(node: FunctionUnit): string {
  const t = typescript();
  const holder = holderOf(node);
  if (holder.kind === 'method' && t.isConstructorDeclaration(holder.member)) return 'constructor';
  const words = classMemberWords(holder);
  if (hasModifier(node, t.SyntaxKind.AsyncKeyword)) words.push('async');
  if ((t.isFunctionDeclaration(node) || t.isFunctionExpression(node) || t.isMethodDeclaration(node)) && node.asteriskToken) words.push('generator');
  words.push(kindWord(node, holder));
  const label = holder.kind === 'none' ? ownName(node) : memberLabel(holder.member.name as ts.PropertyName) ?? ownName(node);
  if (label !== null) words.push(label);
  return words.join(' ');
}

/** `static` and `private` come first, and only for class members (not object literal properties). */
function classMemberWords(holder: Holder): string[] {
  const t = typescript();
  const member = holder.kind === 'field' || (holder.kind === 'method' && holder.inClass) ? holder.member : undefined;
  if (!member) return [];
  const words: string[] = [];
  if (hasModifier(member, t.SyntaxKind.StaticKeyword)) words.push('static');
  if (member.name && t.isPrivateIdentifier(member.name)) words.push('private');
  return words;
}

function kindWord(node: FunctionUnit, holder: Holder): string {
  const t = typescript();
  if (holder.kind === 'method') {
    if (t.isGetAccessorDeclaration(holder.member)) return 'getter';
    if (t.isSetAccessorDeclaration(holder.member)) return 'setter';
    return 'method';
  }
  if (holder.kind !== 'none') return 'method';
  return t.isArrowFunction(node) ? 'arrow function' : 'function';
}

/** `'name'` of a function's own identifier (ESTree `node.id`), which only declarations and expressions have. */
function ownName(node: FunctionUnit): string | null {
  const t = typescript();
  if ((t.isFunctionDeclaration(node) || t.isFunctionExpression(node)) && node.name) return `'${node.name.text}'`;
  return null;
}

/** `#x` for private names, `'x'` for static ones (ESLint's getStaticPropertyName), null when computed at runtime. */
function memberLabel(name: ts.PropertyName): string | null {
  const t = typescript();
  if (t.isPrivateIdentifier(name)) return name.text;
  if (t.isIdentifier(name)) return `'${name.text}'`;
  const key = t.isComputedPropertyName(name) ? skipParentheses(name.expression) : name;
  const value = staticKeyValue(key);
  return value === null ? null : `'${value}'`;
}

/** ESLint's getStaticStringValue: the string value of a literal or of a template with no substitutions. */
function staticKeyValue(node: ts.Node): string | null {
  const t = typescript();
  const k = t.SyntaxKind;
  switch (node.kind) {
    case k.StringLiteral:
    case k.NoSubstitutionTemplateLiteral:
      return (node as ts.StringLiteral).text;
    case k.NumericLiteral:
      return String(numericValue((node as ts.NumericLiteral).text));
    case k.BigIntLiteral:
      return String(BigInt((node as ts.BigIntLiteral).text.replace(/n$/, '').replace(/_/g, '')));
    case k.RegularExpressionLiteral:
      return (node as ts.RegularExpressionLiteral).text;
    case k.NullKeyword:
      return 'null';
    case k.TrueKeyword:
      return 'true';
    case k.FalseKeyword:
      return 'false';
    default:
      return null;
  }
}

/** The number a numeric literal denotes, as JavaScript would print it (`0x10` → 16, `1e3` → 1000). */
function numericValue(text: string): number {
  const clean = text.replace(/_/g, '');
  // Legacy octal (`017`) is a syntax error in modules but still parses in scripts.
  if (/^0[0-7]+$/.test(clean)) return parseInt(clean, 8);
  return Number(clean);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  const t = typescript();
  let inner = node;
  while (t.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

function parentSkippingParentheses(node: ts.Node): ts.Node {
  const t = typescript();
  let parent = node.parent;
  while (t.isParenthesizedExpression(parent)) parent = parent.parent;
  return parent;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const t = typescript();
  const modifiers = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === kind) ?? false;
}
