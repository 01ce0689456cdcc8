import { isPlaceholder, namesItself } from './placeholders';
import type { SecretPattern, Verdict } from './secretCandidate';

const ENV_NAMES: Readonly<Record<string, string>> = { mongodb: 'MONGODB_URI', redis: 'REDIS_URL', rediss: 'REDIS_URL', amqp: 'AMQP_URL', amqps: 'AMQP_URL' };
/** Defaults of local containers and tutorials; on a local host they protect nothing anyone else can reach. */
const DEFAULT_PASSWORDS = new Set(['password', 'pass', 'secret', 'changeme', 'test', 'root', 'admin', 'postgres', 'mysql', 'example', 'user', 'guest', 'dev', 'local']);
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|db|database|postgres|mysql|mongo|mongodb|redis|rabbitmq)$/i;

/** `scheme://user:password@host`: the password is the secret; the whole URL moves to .env. */
export const DATABASE_URL_PATTERN: SecretPattern = {
  ruleId: 'secret/database-url',
  regex: /\b(postgres(?:ql)?|mysql2?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?)(?:\+[a-z0-9]+)?:\/\/[^\s:@/'"`]{0,128}:([^\s@/'"`]{1,256})@([^\s/'"`?#:,]{1,253})/gdi,
  group: 2,
  accept: (password, match) => judgeDatabaseUrl(password, (match[1] ?? '').toLowerCase(), match[3] ?? ''),
};

function judgeDatabaseUrl(password: string, scheme: string, host: string): Verdict {
  if (isPlaceholder(password) || namesItself(password)) return null;
  const envName = ENV_NAMES[scheme.replace('+srv', '')] ?? 'DATABASE_URL';
  const base = { envName, moveWhole: true, shown: `(${scheme})` };
  if (!LOCAL_HOST.test(host)) return base;
  if (DEFAULT_PASSWORDS.has(password.toLowerCase())) return null;
  return { ...base, severity: 'warning', note: 'the host is local' };
}
