/** What the Money dashboard and `optimus/money` show of one project: hours, money entered, ROI and revenue models. */
import type { RoiDirection } from '../../store/roiRepo';
import type { ProjectType } from '../classify/projectTypes';
import type { MarketSignals } from '../market/marketTypes';
import type { MonetizationOpportunity } from '../monetization/monetizationOpportunities';
import type { MoneyItem, RoiFigures } from '../roi/roiFormulas';

export interface MoneyHours {
  hours: number;
  sessions: number;
  commits: number;
  authors: Array<{ name: string; email: string; hours: number; commits: number }>;
  /** `YYYY-MM`, oldest first. */
  byMonth: Array<{ month: string; hours: number }>;
}

export interface MoneyEntry extends MoneyItem {
  id: number;
  direction: RoiDirection;
}

/** `off` until the user turns on `optimus.advisor.marketSignals` (it asks public APIs about the project). */
export type MarketView = { state: 'off' } | { state: 'on'; figures: MarketSignals };

/** npm downloads and GitHub figures, only as the public APIs answered them; no number is ever made up. */
export type MarketFigures = MarketSignals;

export interface MoneyView {
  path: string;
  name: string;
  type: ProjectType;
  /** Why the project reads as that type. */
  typeEvidence: string[];
  hours: MoneyHours;
  /** Per hour, in the currency of the entries; null when never set (labour is then priced at 0). */
  hourlyRate: number | null;
  entries: MoneyEntry[];
  figures: RoiFigures;
  /** Best first. */
  opportunities: MonetizationOpportunity[];
  market: MarketView;
  /** What was not known or could not be read, in plain words. */
  notes: string[];
}

/** One change the user makes to a project's money: each is audited on its own. */
export type MoneyChange =
  | { kind: 'rate'; rate: number }
  | { kind: 'add'; direction: RoiDirection; item: MoneyItem }
  | { kind: 'remove'; id: number };
