import type { AskIntent, AskProject } from './askTypes';

/** Sentences that are understood, with a real project's name where one fits: for help, suggestions, placeholders. */
export function exampleSentences(projects: readonly AskProject[], intent?: AskIntent): string[] {
  const name = projects[0]?.name ?? 'blog';
  const all: Array<[AskIntent, string]> = [
    ['start', `start ${name}`],
    ['status', "what's running?"],
    ['stop', 'stop everything'],
    ['whyCrashed', `why did ${name} crash?`],
    ['showIssues', `show security issues in ${name}`],
    ['backup', 'back up all projects with uncommitted work'],
    ['money', 'which projects make money?'],
    ['advise', 'what should I work on next?'],
    ['list', 'python projects not touched in 6 months'],
    ['roi', `how many hours went into ${name}?`],
    ['logs', `show the output of ${name}`],
    ['restart', `restart ${name}`],
    ['analyze', `analyze ${name}`],
    ['showProject', `open ${name}`],
    ['env', `show the env of ${name}`],
    ['deploy', `deploy ${name}`],
    ['backups', `show backups of ${name}`],
    ['audit', 'show the audit log'],
    ['help', 'help'],
  ];
  if (intent === undefined) return all.slice(0, 9).map(([, s]) => s);
  const own = all.filter(([i]) => i === intent).map(([, s]) => s);
  return [...own, ...all.filter(([i]) => i !== intent).slice(0, 3).map(([, s]) => s)];
}
