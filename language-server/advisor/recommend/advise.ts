import { byScore, type Recommendation } from './recommendation';
import { RULES } from './rules';
import type { AdviseOptions, ProjectSignals } from './signals';

const DEFAULTS = { uncommittedDays: 3, backupDays: 14, staleDays: 180 };

/** The ranked list for the projects given (one project, or the whole portfolio). */
export function advise(signals: readonly ProjectSignals[], options: AdviseOptions = {}): Recommendation[] {
  const o = { ...DEFAULTS, ...options, now: options.now ?? new Date() };
  return signals.flatMap((s) => RULES.flatMap((rule) => rule(s, o))).sort(byScore);
}
