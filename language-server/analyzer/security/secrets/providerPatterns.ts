import { shannonEntropy } from './entropy';
import { hasValidGithubChecksum } from './githubChecksum';
import { isPlaceholder } from './placeholders';
import type { SecretPattern, Verdict } from './secretCandidate';

/** Random enough to be issued by a provider, and not a documentation stand-in. */
function random(body: string, minBits: number): Verdict {
  return !isPlaceholder(body) && shannonEntropy(body) >= minBits ? {} : null;
}

/** Provider formats with a fixed prefix; the prefix makes each regex cheap to run over a whole file. */
export const PROVIDER_PATTERNS: readonly SecretPattern[] = [
  {
    ruleId: 'secret/aws-access-key',
    // AWS key ids are base32 after the 4-letter type prefix (AKIA long-term, ASIA temporary, ...)
    regex: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}(?![A-Za-z0-9])/gd,
    accept: (value) => random(value.slice(4), 3),
  },
  {
    ruleId: 'secret/aws-secret-key',
    // the 40-character secret has no prefix, so it is only taken when its name says what it is
    regex: /(?:aws[\w.-]{0,20}?(?:secret|sk)|secret_?access_?key)[\w.-]{0,20}?["']?\]?\s{0,4}(?::=|=>|=|:|,)\s{0,4}["'`]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gdi,
    group: 1,
    accept: (value) => (/[0-9/+]/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) ? random(value, 4) : null),
  },
  {
    ruleId: 'secret/github-token',
    regex: /\bgh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/gd,
    accept: (value) => (hasValidGithubChecksum(value) ? {} : null),
  },
  {
    ruleId: 'secret/github-token',
    // fine-grained tokens carry no public checksum: entropy has to do
    regex: /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/gd,
    accept: (value) => random(value.slice(11), 4),
  },
  {
    ruleId: 'secret/gitlab-token',
    regex: /\b(?:glpat|gldt|glrt|glptt|glcbt|glft|glsoat|gloas)-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])/gd,
    accept: (value) => random(value.slice(value.indexOf('-') + 1), 3.5),
  },
  {
    ruleId: 'secret/slack-token',
    regex: /\bxox[abeprs]-[0-9]{1,16}-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])/gd,
    accept: (value) => {
      const verdict = random(value.slice(5), 3);
      return verdict && { envName: value.startsWith('xoxb') ? 'SLACK_BOT_TOKEN' : value.startsWith('xoxp') ? 'SLACK_USER_TOKEN' : 'SLACK_TOKEN' };
    },
  },
  {
    ruleId: 'secret/slack-webhook',
    regex: /https:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}|workflows\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/[0-9]{6,25}|triggers\/T[A-Z0-9]{6,12}\/[0-9]{6,25})\/([A-Za-z0-9]{20,40})(?![A-Za-z0-9])/gd,
    accept: (_value, match) => (random(match[1] ?? '', 3.5) ? { moveWhole: true, shown: 'https://hooks.slack.com/****' } : null),
  },
  {
    ruleId: 'secret/stripe-secret-key',
    regex: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/gd,
    accept: (value) => {
      const verdict = random(value.slice(8), 3.5);
      return verdict && (value.startsWith('rk_') ? { envName: 'STRIPE_RESTRICTED_KEY' } : {});
    },
  },
  {
    ruleId: 'secret/stripe-test-key',
    regex: /\b(?:sk|rk)_test_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/gd,
    accept: (value) => random(value.slice(8), 3.5),
  },
  {
    ruleId: 'secret/google-api-key',
    regex: /\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/gd,
    accept: (value) => random(value.slice(4), 3.5),
  },
  {
    ruleId: 'secret/anthropic-api-key',
    regex: /\bsk-ant-(?:api|admin|oat|sid)[0-9]{2}-[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/gd,
    accept: (value) => random(value.slice(value.indexOf('-', 8) + 1), 4),
  },
  {
    ruleId: 'secret/openai-api-key',
    // project/service keys; legacy keys with the T3BlbkFJ marker (base64 of "OpenAI"); other sk- style keys of 32-64 characters
    regex: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,300}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{32,64})(?![A-Za-z0-9_-])/gd,
    accept: (value) => (/[0-9]/.test(value) && /[A-Za-z]/.test(value.slice(3)) ? random(value.slice(3), 3.5) : null),
  },
];
