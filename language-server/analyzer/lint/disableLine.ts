import type ts from 'typescript';
import { parseScript, typescript } from '../source';
import type { AnalyzerFinding, TextEdit } from '../types';
import { indentAt, lineStarts } from './lineStarts';

/** The `eslint-disable-next-line` name of a finding's rule, or null for findings no comment can silence. */
export function disableRuleOf(finding: Pick<AnalyzerFinding, 'ruleId' | 'data'>): string | null {
  const fromData = finding.data?.['disableRule'];
  if (typeof fromData === 'string') return fromData;
  if (finding.ruleId === 'eslint/parse-error' || finding.ruleId === 'eslint/unused-disable-directive') return null;
  if (finding.ruleId.startsWith('ts/')) return null;
  return finding.ruleId.startsWith('eslint/') ? finding.ruleId.slice('eslint/'.length) : finding.ruleId;
}

/**
 * The edit that silences one ESLint finding with `// eslint-disable-next-line <rule> -- <reason>` above its
 * line, at the line's indentation and with the file's line ending. An existing directive on the line above is
 * extended instead (a second one would only apply to the first). Inside JSX children the comment must be
 * `{/* ... *\/}`. Returns null when no comment can do it: the rule is not ESLint's, the line is beyond the
 * text, it starts inside a template literal, or the directive above already names the rule.
 */
export function disableLineEdit(text: string, finding: AnalyzerFinding, reason: string): TextEdit | null {
  const rule = disableRuleOf(finding);
  const starts = lineStarts(text);
  const lineStart = starts[finding.line - 1];
  if (!rule || lineStart === undefined) return null;
  const indent = indentAt(text, lineStart);
  const context = contextAt(finding.path, text, lineStart + indent.length);
  if (context === 'literal') return null;
  const cleanReason = reason.replace(/\s+/g, ' ').trim();
  const previousStart = starts[finding.line - 2];
  if (previousStart !== undefined) {
    const merged = mergeIntoPrevious(text.slice(previousStart, lineStart), previousStart, rule, cleanReason);
    if (merged !== undefined) return merged;
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, text: `${indent}${directive(context, rule, cleanReason)}${eol}` };
}

type Context = 'code' | 'jsx' | 'literal';

function directive(context: Context, rules: string, reason: string): string {
  const body = `eslint-disable-next-line ${rules}${reason ? ` -- ${reason}` : ''}`;
  return context === 'jsx' ? `{/* ${body.replace(/\*\//g, '* /')} */}` : `// ${body}`;
}

const DIRECTIVE = /^([ \t]*)(\/\/|\/\*|\{\/\*)[ \t]*eslint-disable-next-line[ \t]+(.*?)[ \t]*(?:\*\/\}?)?[ \t]*(\r\n|\n|\r)?$/s;

/** undefined: the line above is no directive; null: it already names the rule; else the edit extending it. */
function mergeIntoPrevious(line: string, start: number, rule: string, reason: string): TextEdit | null | undefined {
  const m = DIRECTIVE.exec(line);
  if (!m) return undefined;
  const [, indent = '', opener = '//', body = '', eol = ''] = m;
  const [rulesPart = '', ...described] = body.split(/[ \t]+--[ \t]+/);
  const rules = rulesPart.split(',').map((r) => r.trim()).filter(Boolean);
  if (rules.includes(rule)) return null;
  const description = [described.join(' -- '), reason].filter(Boolean).join('; ');
  const context: Context = opener === '{/*' ? 'jsx' : 'code';
  const rebuilt = opener === '/*' ? `/* ${directive('code', [...rules, rule].join(', '), description).slice(3)} */` : directive(context, [...rules, rule].join(', '), description);
  return { start, end: start + line.length, text: `${indent}${rebuilt}${eol}` };
}

/** What surrounds the first character of the finding's line: a comment line must be legal there. */
function contextAt(file: string, text: string, offset: number): Context {
  const source = parseScript(file, text);
  let node: ts.Node = source;
  for (;;) {
    const child = node.forEachChild((c) => (c.getStart(source) <= offset && offset < c.end ? c : undefined));
    if (!child) break;
    node = child;
  }
  if (isTemplateText(node) && node.getStart(source) < offset) return 'literal';
  if (node.kind === typescript().SyntaxKind.JsxText) return 'jsx';
  while (node.parent && node.parent.getStart(source) === offset) node = node.parent;
  return isJsxChild(node) ? 'jsx' : 'code';
}

function isTemplateText(node: ts.Node): boolean {
  const k = node.kind;
  const S = typescript().SyntaxKind;
  return k === S.NoSubstitutionTemplateLiteral || k === S.TemplateHead || k === S.TemplateMiddle || k === S.TemplateTail || k === S.StringLiteral;
}

function isJsxChild(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const t = typescript();
  if (t.isJsxElement(parent)) return node !== parent.openingElement;
  if (t.isJsxFragment(parent)) return node !== parent.openingFragment;
  return false;
}
