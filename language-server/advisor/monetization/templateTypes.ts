import type { AlternativeType } from '../classify/projectTypes';
import type { SignalId } from './signalIds';

export type FitType = AlternativeType['type'];

/** One revenue model, read from a template file (templates/README.md describes the format). */
export interface MonetizationTemplate {
  /** The file name without `.yaml`: `saas-subscription`. */
  id: string;
  title: string;
  summary: string;
  /** How well the model suits each kind of project, 0..1; kinds not listed are not offered the model. */
  fits: Partial<Record<FitType, number>>;
  /** Signals that raise confidence, with relative weights (their share of the weights listed). */
  signals: Array<{ id: SignalId; weight: number }>;
  /** What to say when a signal is absent: the concrete gap to close. */
  gaps: Array<{ signal: SignalId; text: string }>;
  /** The file it came from. */
  source: string;
}
