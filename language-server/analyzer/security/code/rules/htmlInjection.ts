import type ts from 'typescript';
import { calleeOf, identifierText, nameText, unwrap } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';
import { isLiteral } from '../stringExpressions';

const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
/** Calls whose result is escaped or sanitized HTML (DOMPurify.sanitize, sanitizeHtml, escapeHtml, he.encode...). */
const SANITIZER = /sanitiz|purify|escape|encode/i;

/** Constant HTML, sanitized HTML, or a choice between such values. */
function isSafeHtml(t: typeof ts, expr: ts.Expression, ctx: RuleContext): boolean {
  const e = unwrap(t, expr);
  if (isLiteral(t, e, ctx.facts)) return true;
  if (t.isConditionalExpression(e)) return isSafeHtml(t, e.whenTrue, ctx) && isSafeHtml(t, e.whenFalse, ctx);
  if (t.isCallExpression(e)) return SANITIZER.test(calleeOf(t, e.expression).name);
  return false;
}

/** innerHTML/outerHTML assignments, insertAdjacentHTML, document.write and React's dangerouslySetInnerHTML. */
export const htmlInjectionRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.BinaryExpression, t.SyntaxKind.CallExpression, t.SyntaxKind.JsxAttribute, t.SyntaxKind.PropertyAssignment],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (t.isBinaryExpression(node)) checkAssignment(t, node, ctx);
    else if (t.isCallExpression(node)) checkCall(t, node, ctx);
    else if (t.isJsxAttribute(node) && nameText(t, node.name) === 'dangerouslySetInnerHTML') checkDangerous(t, node.initializer && t.isJsxExpression(node.initializer) ? node.initializer.expression : undefined, node, ctx);
    else if (t.isPropertyAssignment(node) && nameText(t, node.name) === 'dangerouslySetInnerHTML') checkDangerous(t, node.initializer, node, ctx);
  },
};

function checkAssignment(t: typeof ts, node: ts.BinaryExpression, ctx: RuleContext): void {
  const op = node.operatorToken.kind;
  if (op !== t.SyntaxKind.EqualsToken && op !== t.SyntaxKind.PlusEqualsToken) return;
  const property = t.isPropertyAccessExpression(node.left) ? node.left.name.text : undefined;
  if (property && HTML_PROPERTIES.has(property) && !isSafeHtml(t, node.right, ctx)) {
    ctx.report('security/html-injection', node, `${property} is set from a value that is not constant: use textContent, or sanitize it (DOMPurify.sanitize)`);
  }
}

function checkCall(t: typeof ts, node: ts.CallExpression, ctx: RuleContext): void {
  const { name, object } = ctx.callee(node);
  const isDocumentWrite = (name === 'write' || name === 'writeln') && identifierText(t, object) === 'document';
  const html = name === 'insertAdjacentHTML' ? node.arguments[1] : isDocumentWrite ? node.arguments[0] : undefined;
  if (html && !isSafeHtml(t, html, ctx)) ctx.report('security/html-injection', node, `${isDocumentWrite ? `document.${name}` : name}() parses a value that is not constant as HTML: sanitize it or build DOM nodes`);
}

/** `{{ __html: value }}` is fine when value is constant or sanitized; anything else passed whole is not. */
function checkDangerous(t: typeof ts, value: ts.Expression | undefined, node: ts.Node, ctx: RuleContext): void {
  if (!value) return;
  const e = unwrap(t, value);
  const html = t.isObjectLiteralExpression(e) ? e.properties.find((p) => nameText(t, p.name) === '__html') : undefined;
  if (t.isObjectLiteralExpression(e) && (!html || !t.isPropertyAssignment(html) || isSafeHtml(t, html.initializer, ctx))) return;
  ctx.report('security/dangerously-set-inner-html', node, 'dangerouslySetInnerHTML gets HTML that is not constant: sanitize it (DOMPurify.sanitize) or render it as text');
}
