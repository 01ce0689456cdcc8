import { scoreOf, type Effort, type Impact, type Recommendation, type RecommendationAction, type RecommendationKind } from './recommendation';
import { daysSince, type AdviseOptions, type ProjectSignals } from './signals';

type Rule = (s: ProjectSignals, o: Required<AdviseOptions>) => Recommendation[];

function make(s: ProjectSignals, kind: RecommendationKind, title: string, why: string, impact: Impact, effort: Effort, action?: RecommendationAction): Recommendation {
  const p = s.project;
  return { id: `${kind}:${p.path}`, projectPath: p.path, projectName: p.name, kind, title, why, impact, effort, score: scoreOf(impact, effort), ...(action ? { action } : {}) };
}

const crashed: Rule = (s) => {
  const c = s.runtime?.crashed;
  return c && !s.runtime?.running ? [make(s, 'crashed', `Find out why ${s.project.name} crashed`, `Its last run exited with code ${c.exitCode ?? '?'}.`, 'high', 'minutes', { kind: 'diagnose', path: s.project.path })] : [];
};

const security: Rule = (s) => {
  const n = s.scores?.metrics.security ?? 0;
  return n > 0 ? [make(s, 'security', `Fix ${n} security finding${n === 1 ? '' : 's'} in ${s.project.name}`, 'Secrets, dangerous code or vulnerable dependencies were found in its last analysis.', 'high', 'hours', { kind: 'analyze', path: s.project.path })] : [];
};

/** Uncommitted changes that no commit has saved for days: one disk failure or reset away from lost. */
const workAtRisk: Rule = (s, o) => {
  const git = s.project.git;
  const age = daysSince(git?.lastCommit?.date, o.now);
  if (!git?.dirty || age === null || age < o.uncommittedDays) return [];
  const backupAge = daysSince(s.lastBackupAt, o.now);
  const why = `${git.changedFiles} changed file${git.changedFiles === 1 ? '' : 's'} and no commit for ${age} days${backupAge === null ? ', and no backup' : ''}.`;
  return [make(s, 'work-at-risk', `Commit or back up the uncommitted work in ${s.project.name}`, why, 'high', 'minutes', { kind: 'backup', path: s.project.path })];
};

const unpushed: Rule = (s) => {
  const ahead = s.project.git?.ahead ?? 0;
  return ahead > 0 ? [make(s, 'unpushed', `Push ${ahead} commit${ahead === 1 ? '' : 's'} of ${s.project.name}`, `They exist only on this machine (${s.project.git?.upstream ?? 'upstream'} does not have them).`, 'medium', 'minutes', { kind: 'open', path: s.project.path })] : [];
};

const noBackup: Rule = (s, o) => {
  const recent = (s.project.git?.commitsLast30Days ?? 0) > 0 || s.project.git?.dirty === true;
  const age = daysSince(s.lastBackupAt, o.now);
  if (!recent || (age !== null && age < o.backupDays)) return [];
  const why = age === null ? 'It has recent work and has never been backed up by Optimus.' : `Its last backup is ${age} days old and it has had work since.`;
  return [make(s, 'no-backup', `Back up ${s.project.name}`, why, 'medium', 'minutes', { kind: 'backup', path: s.project.path })];
};

const quality: Rule = (s) => {
  if (!s.scores) return [];
  const out: Recommendation[] = [];
  if (s.scores.healthScore < 50) out.push(make(s, 'health', `Raise the health of ${s.project.name} (${s.scores.healthScore}/100)`, 'Its last analysis found complex code, problems and missing basics; the findings say where.', 'medium', 'days', { kind: 'analyze', path: s.project.path }));
  if (['D', 'E'].includes(s.scores.debtRating)) out.push(make(s, 'debt', `Pay down the debt of ${s.project.name} (rating ${s.scores.debtRating})`, `About ${Math.round(s.scores.debtMinutes / 60)} hours of remediation are estimated.`, 'medium', 'days', { kind: 'analyze', path: s.project.path }));
  return out;
};

const stale: Rule = (s, o) => {
  const age = daysSince(s.project.git?.lastCommit?.date, o.now);
  return age !== null && age >= o.staleDays && !s.project.git?.dirty ? [make(s, 'stale', `Decide about ${s.project.name}: no commit for ${age} days`, 'Archive it, or pick it up again; either way it stops costing attention.', 'low', 'minutes', { kind: 'open', path: s.project.path })] : [];
};

const HYGIENE: ReadonlyArray<[string, RecommendationKind, string, string, Impact, Effort]> = [
  ['debt/missing-readme', 'missing-readme', 'Write a README for', 'No README: nobody (you in a year included) knows what it is or how to run it.', 'medium', 'hours'],
  ['debt/missing-license', 'missing-license', 'Add a LICENSE to', 'Without one, nobody may legally use, sell or contribute to it.', 'medium', 'minutes'],
  ['debt/missing-tests', 'missing-tests', 'Add tests to', 'No tests: every change is a gamble.', 'medium', 'days'],
  ['debt/missing-ci', 'missing-ci', 'Set up CI for', 'Nothing checks a push before it lands.', 'low', 'hours'],
];

const hygiene: Rule = (s) => HYGIENE.filter(([rule]) => s.checks.has(rule)).map(([, kind, verb, why, impact, effort]) => make(s, kind, `${verb} ${s.project.name}`, why, impact, effort, { kind: 'open', path: s.project.path }));

const dependencies: Rule = (s) => {
  const n = (s.checks.has('debt/outdated-dependency') ? 1 : 0) + (s.checks.has('debt/unpinned-dependency') ? 1 : 0);
  return n > 0 ? [make(s, 'dependencies', `Update or pin the dependencies of ${s.project.name}`, 'Outdated or unpinned dependencies were found by its last checks.', 'low', 'hours', { kind: 'analyze', path: s.project.path })] : [];
};

const monetization: Rule = (s) => {
  const m = s.monetizationGaps;
  return m && m.gaps.length > 0 ? [make(s, 'monetization', `Close the gaps to earn from ${s.project.name} (${m.model})`, `Missing: ${m.gaps.slice(0, 4).join(', ')}.`, 'low', 'days', { kind: 'open', path: s.project.path })] : [];
};

/** Every rule, in no particular order: the ranking orders their results. */
export const RULES: readonly Rule[] = [crashed, security, workAtRisk, unpushed, noBackup, quality, stale, hygiene, dependencies, monetization];
