import type { MarketSignals } from '../../market/marketTypes';
import type { SignalId, SignalState } from '../signalIds';
import { ABSENT, present } from '../signalIds';

/** Weekly npm downloads that read as people using it, not only its author's CI. */
export const USERS_WEEKLY_DOWNLOADS = 100;
/** GitHub stars that read as an audience beyond the author's friends. */
export const USERS_STARS = 50;

/**
 * `has-users` from the public figures only: present past either bar, absent when figures came back below both,
 * out of reach when there are none (turned off, offline, not published): no figures is not the same as no users,
 * so it neither raises nor lowers the readiness then.
 */
export function marketSignal(market: MarketSignals | null | undefined): Array<[SignalId, SignalState]> {
  if (!market) return [['has-users', { unknown: 'market figures are off (setting optimus.advisor.marketSignals)', outOfReach: true }]];
  const { npm, github } = market;
  if (!npm && !github) return [['has-users', { unknown: 'no market figures came back', outOfReach: true }]];
  const evidence = [
    npm && npm.weeklyDownloads >= USERS_WEEKLY_DOWNLOADS ? `${npm.weeklyDownloads.toLocaleString('en-US')} npm downloads last week` : '',
    github && github.stars >= USERS_STARS ? `${github.stars.toLocaleString('en-US')} GitHub stars` : '',
  ].filter((e) => e !== '');
  return [['has-users', evidence.length > 0 ? present(evidence.join(', ')) : ABSENT]];
}
