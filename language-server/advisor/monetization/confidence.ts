import type { Classification } from '../classify/projectTypes';
import type { SignalId, SignalMap } from './signalIds';
import type { MonetizationTemplate } from './templateTypes';

/** How well a template suits the project's type, and which reading of the type that comes from. */
export interface TypeFit {
  fit: number;
  basis: string;
}

/**
 * The template's weight for the project's type, scaled by how sure the classification is
 * (`weight × (0.6 + 0.4 × confidence)`); or, when higher, its weight for one of the alternative readings scaled by
 * that reading's score and halved (`weight × score × 0.5`), so a VS Code extension that also ships a CLI is still
 * offered the CLI's models, below the extension's.
 */
export function typeFit(template: MonetizationTemplate, c: Classification): TypeFit {
  const primaryWeight = c.type === 'unknown' ? undefined : template.fits[c.type];
  let best: TypeFit = { fit: 0, basis: '' };
  if (primaryWeight !== undefined) best = { fit: primaryWeight * (0.6 + 0.4 * c.confidence), basis: `fits ${c.type} projects (weight ${primaryWeight})` };
  for (const alt of c.alternatives) {
    const weight = template.fits[alt.type];
    const fit = weight === undefined ? 0 : weight * alt.score * 0.5;
    if (fit > best.fit) best = { fit, basis: `fits ${alt.type} projects (weight ${weight}), an alternative reading of this project` };
  }
  return best;
}

/** The share of the template's signal weights that are present. Unknown signals count as not present. */
export function readiness(template: MonetizationTemplate, signals: SignalMap): number {
  const total = template.signals.filter((s) => !isOutOfReach(signals, s.id)).reduce((sum, s) => sum + s.weight, 0);
  if (total === 0) return 0;
  const have = template.signals.filter((s) => isPresent(signals, s.id)).reduce((sum, s) => sum + s.weight, 0);
  return have / total;
}

/**
 * `fit × (0.4 + 0.6 × readiness)`, two decimals: the type decides what the model can reach at all; the project's
 * own state moves it between 40% of that (nothing in place) and all of it (every signal present).
 */
export function opportunityConfidence(fit: number, ready: number): number {
  return Math.round(fit * (0.4 + 0.6 * ready) * 100) / 100;
}

export function isPresent(signals: SignalMap, id: SignalId): boolean {
  const state = signals.get(id);
  return state !== undefined && 'present' in state && state.present;
}

function isOutOfReach(signals: SignalMap, id: SignalId): boolean {
  const state = signals.get(id);
  return state !== undefined && 'unknown' in state && state.outOfReach === true;
}
