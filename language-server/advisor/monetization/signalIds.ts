/**
 * The project facts a monetization template can weigh or name as a gap. The vocabulary is fixed here because
 * each id needs code that detects it; templates (data) only choose among them. Documented in templates/README.md.
 */
export const SIGNAL_IDS = [
  'has-auth', 'has-payments', 'has-pricing-page', 'has-landing-page', 'deployed', 'self-hostable', 'has-license',
  'open-source-license', 'copyleft-license', 'public-repo', 'published-package', 'marketplace-ready', 'has-readme',
  'has-docs-site', 'has-api-docs', 'has-tests', 'has-ci', 'has-changelog', 'has-funding', 'has-commercial-edition',
  'has-rate-limiting', 'has-analytics', 'has-ads', 'has-users',
] as const;

export type SignalId = (typeof SIGNAL_IDS)[number];

export function isSignalId(value: string): value is SignalId {
  return (SIGNAL_IDS as readonly string[]).includes(value);
}

/**
 * What is known about one signal: present (with the evidence), absent, or not known (and why not). A signal
 * `outOfReach` could not be known from anything Optimus may read (market figures turned off or not answered):
 * it is left out of readiness rather than counted as missing.
 */
export type SignalState = { present: true; evidence: string } | { present: false } | { unknown: string; outOfReach?: true };

export type SignalMap = Map<SignalId, SignalState>;

export function present(evidence: string): SignalState {
  return { present: true, evidence };
}

export const ABSENT: SignalState = { present: false };
