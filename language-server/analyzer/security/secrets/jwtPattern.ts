import type { SecretPattern, Verdict } from './secretCandidate';

/**
 * Signed JWTs. The header must decode to JSON with an `alg`, so dotted base64 that only looks like a token is
 * left alone. Unsigned tokens (empty signature) are data, not credentials, and never match.
 */
export const JWT_PATTERN: SecretPattern = {
  ruleId: 'secret/jwt',
  regex: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{16,1024}(?![A-Za-z0-9_-])/gd,
  accept: (value) => judgeJwt(value, Date.now()),
};

export function judgeJwt(token: string, now: number): Verdict {
  const [header, payload] = token.split('.').map(decodePart);
  if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || !payload) return null;
  // the jwt.io debugger's example token is pasted into countless docs and tests
  if (payload.sub === '1234567890' && payload.name === 'John Doe') return null;
  // Supabase's anon key is meant to ship to browsers; its service_role key bypasses row-level security
  if (payload.role === 'anon') return null;
  if (payload.role === 'service_role') return { severity: 'error', note: 'it is a service-role token' };
  if (typeof payload.exp === 'number' && payload.exp * 1000 < now) return { severity: 'info', note: 'it has expired' };
  return {};
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
