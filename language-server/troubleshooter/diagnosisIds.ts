/**
 * The diagnosis ids `optimus diagnose` returns, exactly those of the project's taxonomy: each names a root cause
 * a developer can act on. The built-in knowledge base has one file per id except `unknown`, which is the answer
 * when nothing fits. Users' own knowledge files may add ids of their own.
 */
export const DIAGNOSIS_IDS = [
  'port-in-use',
  'node-module-not-found',
  'python-module-not-found',
  'esm-cjs-mismatch',
  'connection-refused',
  'permission-denied',
  'out-of-memory',
  'dependency-conflict',
  'engine-version-mismatch',
  'file-not-found',
  'watcher-limit',
  'disk-full',
  'too-many-open-files',
  'native-build-failure',
  'lockfile-out-of-sync',
  'git-merge-conflict',
  'git-auth-failure',
  'git-non-fast-forward',
  'docker-daemon-unavailable',
  'typescript-type-error',
  'undefined-property-access',
  'not-a-function',
  'syntax-error',
  'json-parse-error',
  'cors-blocked',
  'tls-certificate-error',
  'network-timeout',
  'dns-resolution-failure',
  'db-auth-failure',
  'db-missing-object',
  'command-not-found',
  'missing-env-variable',
  'stack-overflow',
  'python-externally-managed',
  'react-hook-misuse',
  'native-crash',
  'unknown',
] as const;

export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];

export const UNKNOWN = 'unknown';
