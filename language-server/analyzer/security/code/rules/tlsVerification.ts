import type ts from 'typescript';
import { nameText } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';

/** Option names whose literal `false` turns certificate checks off (Node's tls/https, the `request` library). */
const VERIFY_OPTIONS = new Set(['rejectUnauthorized', 'strictSSL']);
const ENV_NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** `rejectUnauthorized: false`, `strictSSL: false`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'` in objects or assignments. */
export const tlsVerificationRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.PropertyAssignment, t.SyntaxKind.BinaryExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (t.isPropertyAssignment(node)) judge(t, nameText(t, node.name), node.initializer, node, ctx);
    else if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) judge(t, nameText(t, node.left), node.right, node, ctx);
  },
};

function judge(t: typeof ts, name: string | undefined, value: ts.Expression, node: ts.Node, ctx: RuleContext): void {
  if (!name) return;
  if (VERIFY_OPTIONS.has(name) && value.kind === t.SyntaxKind.FalseKeyword) {
    ctx.report('security/tls-verification-disabled', node, `${name}: false accepts any TLS certificate, so the connection can be intercepted: trust the right CA (the ca option) instead`);
  } else if (name === ENV_NAME && (t.isStringLiteralLike(value) || t.isNumericLiteral(value)) && value.text === '0') {
    ctx.report('security/tls-verification-disabled', node, `${ENV_NAME}=0 turns off certificate checks for every TLS connection of the process: trust the right CA (NODE_EXTRA_CA_CERTS) instead`);
  }
}
