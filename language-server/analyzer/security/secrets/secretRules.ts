import type { SecurityRuleDoc } from '../ruleDoc';

/** Every `secret/*` rule id, with the environment variable its value would move to. */
export interface SecretRuleDoc extends SecurityRuleDoc {
  envName: string;
}

const ROTATE = 'Anyone with read access to the code (or its history) can use it: rotate it and read it from the environment.';

export const SECRET_RULES: Readonly<Record<string, SecretRuleDoc>> = {
  'secret/aws-access-key': { title: 'AWS access key id', severity: 'error', envName: 'AWS_ACCESS_KEY_ID', explanation: `An AWS access key id (AKIA/ASIA...) is in the code; with its secret it signs AWS API calls. ${ROTATE}` },
  'secret/aws-secret-key': { title: 'AWS secret access key', severity: 'error', envName: 'AWS_SECRET_ACCESS_KEY', explanation: `An AWS secret access key is assigned in the code. ${ROTATE}` },
  'secret/github-token': { title: 'GitHub token', severity: 'error', envName: 'GITHUB_TOKEN', explanation: `A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_) whose format and checksum are valid. ${ROTATE}` },
  'secret/gitlab-token': { title: 'GitLab token', severity: 'error', envName: 'GITLAB_TOKEN', explanation: `A GitLab personal, deploy or runner token (glpat-, gldt-, glrt-, ...). ${ROTATE}` },
  'secret/slack-token': { title: 'Slack token', severity: 'error', envName: 'SLACK_TOKEN', explanation: `A Slack bot, user or app token (xoxb-, xoxp-, xoxa-, ...). ${ROTATE}` },
  'secret/slack-webhook': { title: 'Slack webhook URL', severity: 'error', envName: 'SLACK_WEBHOOK_URL', explanation: 'A Slack incoming-webhook URL: anyone holding it can post to the channel. Keep it in the environment.' },
  'secret/stripe-secret-key': { title: 'Stripe live key', severity: 'error', envName: 'STRIPE_SECRET_KEY', explanation: `A live Stripe secret or restricted key (sk_live_, rk_live_): it moves real money. ${ROTATE}` },
  'secret/stripe-test-key': { title: 'Stripe test key', severity: 'info', envName: 'STRIPE_SECRET_KEY', explanation: 'A Stripe test-mode secret key (sk_test_): no real money, but it reads and changes your test account.' },
  'secret/google-api-key': { title: 'Google API key', severity: 'error', envName: 'GOOGLE_API_KEY', explanation: `A Google API key (AIza...): unless restricted by referrer or API it bills your project. ${ROTATE}` },
  'secret/openai-api-key': { title: 'OpenAI-style API key', severity: 'error', envName: 'OPENAI_API_KEY', explanation: `An OpenAI-style API key (sk-, sk-proj-, ...): it spends your credit. ${ROTATE}` },
  'secret/anthropic-api-key': { title: 'Anthropic API key', severity: 'error', envName: 'ANTHROPIC_API_KEY', explanation: `An Anthropic API key (sk-ant-...): it spends your credit. ${ROTATE}` },
  'secret/private-key': { title: 'Private key', severity: 'error', envName: 'PRIVATE_KEY', explanation: `A PEM private-key block (-----BEGIN ... PRIVATE KEY-----) with key material. ${ROTATE}` },
  'secret/jwt': { title: 'JSON Web Token', severity: 'warning', envName: 'JWT', explanation: 'A signed JWT: a bearer credential for as long as it is valid (error for service-role tokens, info once expired).' },
  'secret/database-url': { title: 'Database URL with a password', severity: 'error', envName: 'DATABASE_URL', explanation: 'A postgres/mysql/mongodb/redis/amqp URL with the password written in it (a warning when the host is local).' },
  'secret/generic': { title: 'Secret-looking value', severity: 'warning', envName: 'SECRET', explanation: 'A high-entropy value assigned to a secret-looking name (password, secret, token, api_key, ...): probably a credential.' },
};

export function secretRule(ruleId: string): SecretRuleDoc {
  return SECRET_RULES[ruleId] ?? { title: 'Secret', severity: 'warning', envName: 'SECRET', explanation: '' };
}
