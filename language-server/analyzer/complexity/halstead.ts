/**
 * Halstead counts taken from the syntax tree rather than the token stream (TypeScript's scanner cannot tell a
 * regex from a division without the parser): operands are identifiers and literals; operators are the
 * operator tokens of expressions plus one symbol per syntactic construct (`if`, `()` for a call, `.` for a
 * member access, `{}` for an object literal, `=` for an initializer, keywords and modifiers). Closing brackets,
 * separators and type annotations are not counted.
 */
import type ts from 'typescript';
import type { HalsteadMetrics } from '../types';
import { typescript } from '../source';
import { syntaxKinds } from './kinds';

let K: typeof ts.SyntaxKind | null = null;
const kinds = (): typeof ts.SyntaxKind => (K ??= syntaxKinds());

export class HalsteadCounter {
  private operatorCount = 0;
  private operandCount = 0;
  private readonly operatorSet = new Set<string>();
  private readonly operandSet = new Set<string>();

  operator(symbol: string | undefined): void {
    if (symbol === undefined) return;
    this.operatorCount++;
    this.operatorSet.add(symbol);
  }

  operand(symbol: string): void {
    this.operandCount++;
    this.operandSet.add(symbol);
  }

  /** Counts what one node contributes; its children are recorded when the walk reaches them. */
  record(node: ts.Node): void {
    const operand = operandOf(node);
    if (operand !== null) this.operand(operand);
    else this.operators(node);
  }

  private operators(node: ts.Node): void {
    const k = kinds();
    const { byNode, byToken } = symbols();
    switch (node.kind) {
      case k.BinaryExpression:
        return this.operator(byToken[(node as ts.BinaryExpression).operatorToken.kind]);
      case k.PrefixUnaryExpression:
      case k.PostfixUnaryExpression:
        return this.operator(byToken[(node as ts.PrefixUnaryExpression).operator]);
      case k.VariableDeclarationList:
        return this.operator(variableKeyword(node as ts.VariableDeclarationList));
      case k.PropertyAccessExpression:
      case k.ElementAccessExpression:
      case k.CallExpression:
        return this.operator((node as ts.PropertyAccessExpression).questionDotToken ? '?.' : byNode[node.kind]);
      case k.VariableDeclaration:
      case k.Parameter:
      case k.BindingElement:
      case k.PropertyDeclaration:
      case k.EnumMember:
        // `= value` of a declaration, a default, a field initializer or an enum member.
        if ((node as ts.VariableDeclaration).initializer) this.operator('=');
        return;
      case k.ShorthandPropertyAssignment:
        if ((node as ts.ShorthandPropertyAssignment).objectAssignmentInitializer) this.operator('=');
        return;
      case k.IfStatement:
        this.operator('if');
        if ((node as ts.IfStatement).elseStatement) this.operator('else');
        return;
      case k.TryStatement:
        this.operator('try');
        if ((node as ts.TryStatement).finallyBlock) this.operator('finally');
        return;
      default:
        return this.operator(byNode[node.kind]);
    }
  }

  measures(): HalsteadMetrics {
    return halsteadMeasures(this.operatorCount, this.operandCount, this.operatorSet.size, this.operandSet.size);
  }
}

/** Volume N·log2(n), difficulty (n1/2)·(N2/n2), effort D·V; zero where the counts leave them undefined. */
export function halsteadMeasures(operators: number, operands: number, distinctOperators: number, distinctOperands: number): HalsteadMetrics {
  const length = operators + operands;
  const vocabulary = distinctOperators + distinctOperands;
  const volume = vocabulary > 0 ? length * Math.log2(vocabulary) : 0;
  const difficulty = distinctOperands > 0 ? (distinctOperators / 2) * (operands / distinctOperands) : 0;
  return { operators, operands, distinctOperators, distinctOperands, volume, difficulty, effort: difficulty * volume };
}

function operandOf(node: ts.Node): string | null {
  const k = kinds();
  switch (node.kind) {
    case k.Identifier:
    case k.PrivateIdentifier:
    case k.NumericLiteral:
    case k.BigIntLiteral:
    case k.RegularExpressionLiteral:
      return (node as ts.Identifier).text;
    case k.StringLiteral:
    case k.NoSubstitutionTemplateLiteral:
    case k.TemplateHead:
    case k.TemplateMiddle:
    case k.TemplateTail:
      // Quoted so that the string "x" and the identifier x are different operands.
      return `"${(node as ts.StringLiteral).text}"`;
    case k.JsxText:
      return (node as ts.JsxText).containsOnlyTriviaWhiteSpaces ? null : `"${(node as ts.JsxText).text.trim()}"`;
    case k.TrueKeyword:
      return 'true';
    case k.FalseKeyword:
      return 'false';
    case k.NullKeyword:
      return 'null';
    case k.ThisKeyword:
      return 'this';
    case k.SuperKeyword:
      return 'super';
    default:
      return null;
  }
}

interface SymbolTables {
  /** The symbol a node of each kind counts as: constructs and keywords (modifiers such as `async`). */
  byNode: Array<string | undefined>;
  /** The text of each token kind, for the operators expressions own. */
  byToken: Array<string | undefined>;
}

let tables: SymbolTables | null = null;

/**
 * Built once. Punctuation tokens the walk visits as nodes (a BinaryExpression's operatorToken) have no entry in
 * `byNode`: they count through the expression that owns them, not twice.
 */
function symbols(): SymbolTables {
  if (tables) return tables;
  const t = typescript();
  const k = kinds();
  const byToken = new Array<string | undefined>(k.Count + 1);
  for (let kind = k.FirstToken; kind <= k.LastToken; kind++) byToken[kind] = t.tokenToString(kind);
  const byNode = byToken.map((symbol, kind) => (kind >= k.FirstKeyword && kind <= k.LastKeyword ? symbol : undefined));
  const constructs: Array<[ts.SyntaxKind, string]> = [
    [k.IfStatement, 'if'], [k.ForStatement, 'for'], [k.ForInStatement, 'for in'], [k.ForOfStatement, 'for of'],
    [k.WhileStatement, 'while'], [k.DoStatement, 'do'], [k.ReturnStatement, 'return'], [k.ThrowStatement, 'throw'],
    [k.TryStatement, 'try'], [k.CatchClause, 'catch'], [k.SwitchStatement, 'switch'], [k.CaseClause, 'case'],
    [k.DefaultClause, 'default'], [k.BreakStatement, 'break'], [k.ContinueStatement, 'continue'],
    [k.LabeledStatement, 'label:'], [k.DebuggerStatement, 'debugger'], [k.WithStatement, 'with'],
    [k.CallExpression, '()'], [k.NewExpression, 'new'], [k.PropertyAccessExpression, '.'],
    [k.ElementAccessExpression, '[]'], [k.ConditionalExpression, '?:'], [k.TypeOfExpression, 'typeof'],
    [k.DeleteExpression, 'delete'], [k.VoidExpression, 'void'], [k.AwaitExpression, 'await'],
    [k.YieldExpression, 'yield'], [k.SpreadElement, '...'], [k.SpreadAssignment, '...'],
    [k.ArrowFunction, '=>'], [k.FunctionDeclaration, 'function'], [k.FunctionExpression, 'function'],
    [k.ClassDeclaration, 'class'], [k.ClassExpression, 'class'], [k.ObjectLiteralExpression, '{}'],
    [k.ArrayLiteralExpression, '[]'], [k.PropertyAssignment, ':'], [k.TemplateExpression, '``'],
    [k.TaggedTemplateExpression, 'tag``'], [k.TemplateSpan, '${}'], [k.ImportDeclaration, 'import'],
    [k.ExportDeclaration, 'export'], [k.ExportAssignment, 'export ='], [k.AsExpression, 'as'],
    [k.SatisfiesExpression, 'satisfies'], [k.NonNullExpression, '!'], [k.TypeAssertionExpression, '<>'],
    [k.Decorator, '@'], [k.JsxElement, '<>'], [k.JsxSelfClosingElement, '<>'], [k.JsxFragment, '<>'],
    [k.JsxAttribute, '='], [k.JsxExpression, '{}'], [k.JsxSpreadAttribute, '...'], [k.MetaProperty, '.'],
    [k.GetAccessor, 'get'], [k.SetAccessor, 'set'], [k.ParenthesizedExpression, '()'],
    [k.EnumDeclaration, 'enum'], [k.ModuleDeclaration, 'namespace'], [k.ImportEqualsDeclaration, 'import ='],
  ];
  for (const [kind, symbol] of constructs) byNode[kind] = symbol;
  tables = { byNode, byToken };
  return tables;
}

function variableKeyword(list: ts.VariableDeclarationList): string {
  const f = typescript().NodeFlags;
  if (list.flags & f.Const) return 'const';
  if (list.flags & f.Let) return 'let';
  if (list.flags & f.Using) return 'using';
  return 'var';
}
