/**
 * One walk over a parsed script that measures every function at once: cyclomatic complexity as ESLint counts
 * it, cognitive complexity, Halstead counts, and (on the side) the comments for the line counts. Each
 * function is a frame of its own; what a nested function contains never counts toward its parent, as in
 * ESLint's code paths.
 */
import type ts from 'typescript';
import type { FunctionMetrics } from '../types';
import { position, typescript } from '../source';
import { isLogicalOperator, isSelfCall, logicalSequenceIncrement, selfNames, type SelfNames } from './cognitive';
import { decisionPoints } from './cyclomatic';
import { classFieldInitializerHead, functionHead, isClassFieldInitializer, staticBlockHead, type FunctionHead, type FunctionUnit } from './functionHeads';
import { HalsteadCounter } from './halstead';
import { syntaxKinds, typeKindTable } from './kinds';
import { CommentCollector } from './scriptComments';
import type { CommentRange } from './trivia';

interface Frame {
  cyclomatic: number;
  cognitive: number;
  halstead: HalsteadCounter;
  self: SelfNames;
  recursive: boolean;
}

export interface WalkResult {
  functions: FunctionMetrics[];
  /** The code outside every function (ESLint's "program" code path). */
  program: { cyclomatic: number; volume: number };
  /** Every comment, in source order. */
  comments: CommentRange[];
}

const NO_NAMES: SelfNames = { plain: null, method: null };

function newFrame(self: SelfNames): Frame {
  return { cyclomatic: 1, cognitive: 0, halstead: new HalsteadCounter(), self, recursive: false };
}

export class ScriptWalker {
  private readonly t = typescript();
  private readonly k = syntaxKinds();
  private readonly typeKinds = typeKindTable();
  private readonly forEachChild = this.t.forEachChild;
  private readonly comments: CommentCollector;
  private readonly functions: FunctionMetrics[] = [];
  private frame: Frame = newFrame(NO_NAMES);
  private nesting = 0;
  private readonly visitNode = (node: ts.Node): void => this.visit(node);
  private readonly visitNodes = (nodes: ts.NodeArray<ts.Node>): void => this.visitList(nodes);
  private readonly hasBom: boolean;

  constructor(private readonly source: ts.SourceFile) {
    this.comments = new CommentCollector(source.text);
    this.hasBom = source.text.charCodeAt(0) === 0xfeff;
  }

  walk(): WalkResult {
    const program = this.frame;
    this.visitList(this.source.statements);
    this.functions.sort((a, b) => a.line - b.line || a.column - b.column);
    return { functions: this.functions, program: { cyclomatic: program.cyclomatic, volume: program.halstead.measures().volume }, comments: this.comments.finish() };
  }

  private visitList(nodes: ts.NodeArray<ts.Node> | undefined): void {
    if (!nodes) return;
    for (let i = 0; i < nodes.length; i++) this.visit(nodes[i]);
  }

  private visit(node: ts.Node | undefined): void {
    if (!node) return;
    if (this.isSkipped(node)) {
      this.comments.within(node);
      return;
    }
    if (node.kind === this.k.BinaryExpression) return this.visitBinary(node as ts.BinaryExpression);
    this.comments.enter(node);
    this.account(node);
    this.dispatch(node);
    this.comments.exit(node);
  }

  private account(node: ts.Node): void {
    this.frame.cyclomatic += decisionPoints(node);
    this.frame.halstead.record(node);
  }

  /**
   * A chain of binary operators (`"a" + "b" + … ` in generated code) is as deep as it is long; its left spine is
   * walked in a loop, in the same order a recursive walk would take, so that thousands of terms do not exhaust
   * the stack.
   */
  private visitBinary(node: ts.BinaryExpression): void {
    const spine: ts.BinaryExpression[] = [];
    for (let n: ts.Expression = node; n.kind === this.k.BinaryExpression; n = (n as ts.BinaryExpression).left) spine.push(n as ts.BinaryExpression);
    for (const b of spine) {
      this.comments.enter(b);
      this.account(b);
      if (isLogicalOperator(b.operatorToken.kind)) this.frame.cognitive += logicalSequenceIncrement(b);
    }
    this.visit((spine[spine.length - 1] as ts.BinaryExpression).left);
    for (let i = spine.length - 1; i >= 0; i--) {
      const b = spine[i] as ts.BinaryExpression;
      this.visit(b.operatorToken);
      this.visit(b.right);
      this.comments.exit(b);
    }
  }

  private children(node: ts.Node): void {
    this.forEachChild(node, this.visitNode, this.visitNodes);
  }

  private nested(node: ts.Node | undefined): void {
    this.nesting++;
    this.visit(node);
    this.nesting--;
  }

  /** Types, interfaces and bodiless signatures are not code: no complexity, no Halstead, only comments. */
  private isSkipped(node: ts.Node): boolean {
    const k = this.k;
    if (this.typeKinds[node.kind] === 1) return node.kind !== k.ExpressionWithTypeArguments;
    switch (node.kind) {
      case k.InterfaceDeclaration:
      case k.TypeAliasDeclaration:
      case k.TypeParameter:
        return true;
      case k.FunctionDeclaration:
      case k.MethodDeclaration:
      case k.Constructor:
      case k.GetAccessor:
      case k.SetAccessor:
        return (node as ts.FunctionLikeDeclarationBase).body === undefined;
      default:
        return false;
    }
  }

  private dispatch(node: ts.Node): void {
    const k = this.k;
    switch (node.kind) {
      // Bodiless declarations never get here (isSkipped), so each of these is a function of its own.
      case k.ArrowFunction:
      case k.FunctionExpression:
      case k.FunctionDeclaration:
      case k.MethodDeclaration:
      case k.Constructor:
      case k.GetAccessor:
      case k.SetAccessor:
        return this.visitFunction(node as FunctionUnit);
      case k.PropertyDeclaration:
        return isClassFieldInitializer(node) ? this.visitField(node) : this.children(node);
      case k.ClassStaticBlockDeclaration:
        return this.inFrame(staticBlockHead(node as ts.ClassStaticBlockDeclaration, this.source), node, NO_NAMES, () => this.visit((node as ts.ClassStaticBlockDeclaration).body));
      case k.IfStatement:
        return this.visitIf(node as ts.IfStatement);
      case k.ConditionalExpression:
        return this.visitConditional(node as ts.ConditionalExpression);
      case k.ForStatement:
      case k.ForInStatement:
      case k.ForOfStatement:
      case k.WhileStatement:
      case k.DoStatement:
        return this.visitLoop(node as ts.IterationStatement);
      case k.SwitchStatement:
        return this.visitBranching((node as ts.SwitchStatement).expression, (node as ts.SwitchStatement).caseBlock);
      case k.CatchClause:
        return this.visitBranching((node as ts.CatchClause).variableDeclaration, (node as ts.CatchClause).block);
      default:
        return this.visitLinear(node);
    }
  }

  /** Nodes that do not nest but may still add cognitive complexity. */
  private visitLinear(node: ts.Node): void {
    const k = this.k;
    switch (node.kind) {
      case k.BreakStatement:
      case k.ContinueStatement:
        // A jump to a label breaks the linear flow; a plain break or continue does not.
        if ((node as ts.BreakOrContinueStatement).label) this.frame.cognitive++;
        break;
      case k.CallExpression:
        if (isSelfCall(node as ts.CallExpression, this.frame.self)) this.frame.recursive = true;
        break;
      default:
        break;
    }
    this.children(node);
  }

  private visitFunction(node: FunctionUnit): void {
    const t = this.t;
    // Decorators, modifiers and a method's (computed) name are evaluated outside the function, as in ESTree.
    this.visitList(node.modifiers);
    const ownName = t.isFunctionDeclaration(node) || t.isFunctionExpression(node);
    if (!ownName) this.visit(node.name);
    this.inFrame(functionHead(node, this.source), node, selfNames(node), () => {
      if (ownName) this.visit(node.name);
      this.visitList(node.typeParameters);
      this.visitList(node.parameters);
      this.visit(node.type);
      this.visit(node.body);
    });
  }

  private visitField(node: ts.PropertyDeclaration & { initializer: ts.Expression }): void {
    this.visitList(node.modifiers);
    this.visit(node.name);
    this.visit(node.type);
    this.inFrame(classFieldInitializerHead(node, this.source), node.initializer, NO_NAMES, () => this.visit(node.initializer));
  }

  /** Measures `body` as a function of its own, reported at `head`, spanning `span`. */
  private inFrame(head: FunctionHead, span: ts.Node, self: SelfNames, body: () => void): void {
    const outer = this.frame;
    const outerNesting = this.nesting;
    const frame = newFrame(self);
    this.frame = frame;
    this.nesting = 0;
    body();
    this.frame = outer;
    this.nesting = outerNesting;
    this.functions.push(this.metricsOf(frame, head, span));
  }

  private metricsOf(frame: Frame, head: FunctionHead, span: ts.Node): FunctionMetrics {
    const at = position(this.source, head.offset);
    // ESLint drops a byte order mark before parsing, so columns on the first line are one less.
    const column = this.hasBom && at.line === 1 ? at.column - 1 : at.column;
    const first = this.source.getLineAndCharacterOfPosition(span.getStart(this.source)).line;
    const last = this.source.getLineAndCharacterOfPosition(span.end).line;
    return {
      name: head.name,
      line: at.line,
      column,
      cyclomatic: frame.cyclomatic,
      cognitive: frame.cognitive + (frame.recursive ? 1 : 0),
      loc: last - first + 1,
      halstead: frame.halstead.measures(),
    };
  }

  /** if: +1 plus nesting; `else if`: +1 (it continues the chain); `else`: +1. */
  private visitIf(node: ts.IfStatement): void {
    const parent = node.parent;
    const elseIf = this.t.isIfStatement(parent) && parent.elseStatement === node;
    this.frame.cognitive += elseIf ? 1 : 1 + this.nesting;
    this.visit(node.expression);
    this.nested(node.thenStatement);
    const otherwise = node.elseStatement;
    if (!otherwise) return;
    if (this.t.isIfStatement(otherwise)) return this.visit(otherwise);
    this.frame.cognitive++;
    this.nested(otherwise);
  }

  private visitConditional(node: ts.ConditionalExpression): void {
    this.frame.cognitive += 1 + this.nesting;
    this.visit(node.condition);
    this.nested(node.whenTrue);
    this.nested(node.whenFalse);
  }

  /** Loops: +1 plus nesting; only the body is nested, the header is read at the loop's level. */
  private visitLoop(node: ts.IterationStatement): void {
    const t = this.t;
    this.frame.cognitive += 1 + this.nesting;
    if (t.isForStatement(node)) {
      this.visit(node.initializer);
      this.visit(node.condition);
      this.visit(node.incrementor);
    } else if (t.isForInStatement(node) || t.isForOfStatement(node)) {
      this.visit(node.initializer);
      this.visit(node.expression);
    } else if (t.isWhileStatement(node)) {
      this.visit(node.expression);
    }
    this.nested(node.statement);
    if (t.isDoStatement(node)) this.visit(node.expression);
  }

  /** switch and catch: +1 plus nesting, with their cases or handler one level deeper. */
  private visitBranching(head: ts.Node | undefined, body: ts.Node): void {
    this.frame.cognitive += 1 + this.nesting;
    this.visit(head);
    this.nested(body);
  }
}
