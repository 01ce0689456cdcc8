/**
 * Finds every comment of a parsed script without a second tokenizer. The walk visits nodes in source order;
 * between the nodes it visits lies only punctuation, keywords and trivia, so scanning that text for `//` and
 * `/*` finds exactly the comments. Text that may contain such sequences without being a comment — strings,
 * templates, regular expressions, JSX text — is always a node of its own, and is stepped over.
 */
import type ts from 'typescript';
import { typescript } from '../source';
import { syntaxKinds } from './kinds';
import { scanTrivia, type CommentRange } from './trivia';

let opaque: Uint8Array | null = null;

/** Node kinds whose text is content, not code: a comment marker inside them is not a comment. */
function opaqueKinds(): Uint8Array {
  if (opaque) return opaque;
  const k = syntaxKinds();
  const table = new Uint8Array(k.Count + 1);
  for (const kind of [k.StringLiteral, k.NoSubstitutionTemplateLiteral, k.TemplateHead, k.TemplateMiddle, k.TemplateTail, k.RegularExpressionLiteral, k.JsxText]) table[kind] = 1;
  opaque = table;
  return table;
}

export class CommentCollector {
  private cursor = 0;
  private readonly ranges: CommentRange[] = [];
  private readonly opaque = opaqueKinds();
  private readonly jsxText = syntaxKinds().JsxText;
  private readonly record = (start: number, end: number): void => {
    this.ranges.push({ start, end });
  };

  constructor(private readonly text: string) {
    // A hashbang line is trivia to TypeScript and a comment to ESLint.
    if (text.startsWith('#!')) {
      const eol = text.search(/[\r\n\u2028\u2029]/);
      this.cursor = eol < 0 ? text.length : eol;
      this.record(0, this.cursor);
    }
  }

  /** Before a node's children: the text up to its leading trivia is punctuation and trivia of its parent. */
  enter(node: ts.Node): void {
    this.gap(node.pos);
    if (this.opaque[node.kind] !== 1) return;
    // Leading trivia, then step over the literal's content.
    if (node.kind !== this.jsxText) scanTrivia(this.text, Math.max(this.cursor, node.pos), this.record);
    this.cursor = Math.max(this.cursor, node.end);
  }

  /** After a node's children: what is left of it is its own punctuation and trivia. */
  exit(node: ts.Node): void {
    this.gap(node.end);
  }

  /** Comments inside a subtree the metrics skip (types, interfaces), in the same source order. */
  within(node: ts.Node): void {
    const forEachChild = typescript().forEachChild;
    const visit = (child: ts.Node): void => {
      this.enter(child);
      forEachChild(child, visit);
      this.exit(child);
    };
    visit(node);
  }

  /** All comments, in source order, once the walk has ended. */
  finish(): CommentRange[] {
    this.gap(this.text.length);
    return this.ranges;
  }

  private gap(to: number): void {
    const text = this.text;
    let i = this.cursor;
    while (i < to) {
      if (text.charCodeAt(i) === 47 /* / */) {
        const next = text.charCodeAt(i + 1);
        if (next === 47 || next === 42) {
          i = scanTrivia(text, i, this.record);
          continue;
        }
      }
      i++;
    }
    if (i > this.cursor) this.cursor = i;
  }
}
