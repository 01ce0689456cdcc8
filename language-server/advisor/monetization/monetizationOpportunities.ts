import type { Project } from '../../model';
import type { Classification } from '../classify/projectTypes';
import { isPresent, opportunityConfidence, readiness, typeFit } from './confidence';
import { loadTemplates } from './loadTemplates';
import { projectSignals } from './projectSignals';
import type { SignalId, SignalMap } from './signalIds';
import type { MonetizationTemplate } from './templateTypes';
import type { MarketSignals } from '../market/marketTypes';

export interface MonetizationOpportunity {
  /** The template id: `saas-subscription`. */
  model: string;
  title: string;
  /** 0..1; see templates/README.md. */
  confidence: number;
  /** Why this model suits the project: the type it fits, then each present signal with its evidence. */
  signals: string[];
  /** What to do before it can earn: the template's text for each absent signal. */
  gaps: string[];
}

export interface MonetizationAssessment {
  /** Best first. */
  opportunities: MonetizationOpportunity[];
  /** What is not known and why (no market data, undecided signals, unusable template files). */
  notes: string[];
}

export interface MonetizationOptions {
  /** The user's templates, e.g. userTemplatesDir(); none when null or absent. */
  userDir?: string | null;
  builtinDir?: string;
  /** Already loaded templates; the folders are not read then. */
  templates?: readonly MonetizationTemplate[];
  /** npm and GitHub figures when the user turned them on; absent or null when off. */
  market?: MarketSignals | null;
}

/** Without the market figures no number is made up for them: confidence rests on the files, and says so. */
const NO_MARKET_DATA = 'No market data: npm downloads and GitHub stars/forks are not looked up unless optimus.advisor.marketSignals is on, so confidence rests on the project\'s own files only.';

/** Revenue models that fit the project, best first, with the evidence and the gaps. Never throws. */
export async function monetizationOpportunities(project: Project, classification: Classification, options: MonetizationOptions = {}): Promise<MonetizationOpportunity[]> {
  return (await assessMonetization(project, classification, options)).opportunities;
}

/** The same, with the notes that say what was not known. */
export async function assessMonetization(project: Project, classification: Classification, options: MonetizationOptions = {}): Promise<MonetizationAssessment> {
  try {
    return await assessAll(project, classification, options);
  } catch (error) {
    return { opportunities: [], notes: [NO_MARKET_DATA, `Monetization could not be assessed for ${project.path}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

async function assessAll(project: Project, classification: Classification, options: MonetizationOptions): Promise<MonetizationAssessment> {
  const loaded = options.templates ? { templates: [...options.templates], problems: [] } : await loadTemplates(options);
  const { signals, notes } = await projectSignals(project, classification, options.market ?? null);
  const opportunities = loaded.templates.map((t) => assess(t, classification, signals)).filter((o): o is Ranked => o !== null);
  opportunities.sort((a, b) => b.confidence - a.confidence || b.fit - a.fit || a.model.localeCompare(b.model));
  const typeNote = classification.type === 'unknown' ? ['The project type is unknown: only models fitting its alternative readings are offered, at half weight.'] : [];
  const marketNote = options.market ? [] : [NO_MARKET_DATA];
  return { opportunities: opportunities.map(({ fit: _fit, ...o }) => o), notes: [...marketNote, ...typeNote, ...loaded.problems, ...notes] };
}

type Ranked = MonetizationOpportunity & { fit: number };

function assess(template: MonetizationTemplate, c: Classification, signals: SignalMap): Ranked | null {
  const { fit, basis } = typeFit(template, c);
  if (fit <= 0) return null;
  const present = template.signals.filter((s) => isPresent(signals, s.id)).map((s) => `${s.id}: ${evidenceOf(signals, s.id)}`);
  const gaps = template.gaps.filter((g) => isAbsent(signals, g.signal)).map((g) => g.text);
  return { model: template.id, title: template.title, confidence: opportunityConfidence(fit, readiness(template, signals)), signals: [basis, ...present], gaps, fit };
}

function evidenceOf(signals: SignalMap, id: SignalId): string {
  const state = signals.get(id);
  return state && 'present' in state && state.present ? state.evidence : '';
}

/** Unknown is not absent: a gap is only named when the signal is known to be missing. */
function isAbsent(signals: SignalMap, id: SignalId): boolean {
  const state = signals.get(id);
  return state !== undefined && 'present' in state && !state.present;
}
