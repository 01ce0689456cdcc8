import { contextWords, identifierText } from '../astNames';
import type { CodeRule } from '../ruleContext';

/** Names of values that must not be guessable; `id` is here because ids often end up in URLs as capabilities. */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'password', 'passwd', 'pwd', 'nonce', 'salt', 'otp', 'csrf', 'xsrf', 'session', 'sid',
  'id', 'ids', 'uid', 'uuid', 'guid', 'apikey', 'auth', 'invite', 'reset', 'verification', 'captcha', 'pin', 'passcode',
]);

/** Math.random() whose result goes into (or is made by a function named like) a token, id, secret or password. */
export const insecureRandomRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.CallExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (!t.isCallExpression(node)) return;
    const { name, object } = ctx.callee(node);
    if (name !== 'random' || identifierText(t, object) !== 'Math') return;
    const hit = [...contextWords(t, node, false)].find((w) => SECRET_WORDS.has(w));
    if (hit) ctx.report('security/insecure-random', node, `Math.random() is predictable, yet this value is used as a secret ("${hit}" in its name): use crypto.randomUUID(), crypto.randomBytes() or crypto.getRandomValues()`);
  },
};
