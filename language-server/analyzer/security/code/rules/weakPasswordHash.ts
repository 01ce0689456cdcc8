import type ts from 'typescript';
import { contextWords } from '../astNames';
import type { CodeRule, RuleContext } from '../ruleContext';

const WEAK_ALGORITHMS = /^(?:md4|md5|sha-?1|md5-sha1|rsa-md5|rsa-sha1)$/i;
/** The md5 / sha1 npm packages and CryptoJS.MD5 / CryptoJS.SHA1. */
const WEAK_FUNCTIONS = new Set(['md5', 'MD5', 'sha1', 'SHA1']);
const PASSWORD_WORDS = new Set(['password', 'passwords', 'passwd', 'pwd', 'pass', 'passphrase', 'credential', 'credentials']);

/**
 * MD5/SHA-1 where the value or its destination is named like a password. A weak hash elsewhere (ETags, cache
 * keys, content checksums) is fine, which is why the names around the call decide.
 */
export const weakPasswordHashRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.CallExpression],
  check(node, ctx) {
    const { ts: t } = ctx;
    if (!t.isCallExpression(node)) return;
    const algorithm = weakAlgorithm(t, node, ctx);
    if (!algorithm) return;
    const words = contextWords(t, node, true);
    if ([...words].some((w) => PASSWORD_WORDS.has(w))) {
      ctx.report('security/weak-password-hash', node, `${algorithm} is used on a password: it is fast and unsalted, so the hashes crack in bulk. Use bcrypt, scrypt or Argon2`);
    }
  },
};

function weakAlgorithm(t: typeof ts, call: ts.CallExpression, ctx: RuleContext): string | undefined {
  const { name } = ctx.callee(call);
  const first = call.arguments[0];
  if (name === 'createHash' && first && t.isStringLiteralLike(first) && WEAK_ALGORITHMS.test(first.text)) return first.text.toUpperCase();
  return WEAK_FUNCTIONS.has(name) && call.arguments.length > 0 ? name.toUpperCase() : undefined;
}
