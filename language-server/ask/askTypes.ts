/**
 * What "Optimus: Ask" and `optimus ask` understand of a sentence. Plain JSON: the server answers it over
 * `optimus/ask`, the CLI prints it with --json. Slots hold only known project paths and fixed enums, never text
 * from the sentence, so nothing typed can reach a command line.
 */

export const ASK_INTENTS = [
  'start', 'stop', 'restart', 'status', 'whyCrashed', 'showIssues', 'analyze', 'backup', 'backups',
  'advise', 'money', 'roi', 'showProject', 'list', 'deploy', 'env', 'logs', 'audit', 'help',
] as const;

export type AskIntent = (typeof ASK_INTENTS)[number];

/** The analyzer's finding categories a sentence can ask for. */
export type IssueCategory = 'security' | 'quality' | 'performance' | 'debt';

/** The .env profiles a sentence can name (a profile of another name is chosen in the UI, not by sentence). */
export type EnvProfileName = 'development' | 'staging' | 'production' | 'test';

/** Narrows "all projects" to some: "with uncommitted work", "not touched in 6 months", "python projects". */
export type AskFilter =
  | { kind: 'dirty' }
  | { kind: 'unpushed' }
  | { kind: 'stale'; days: number }
  | { kind: 'stack'; stack: string }
  | { kind: 'running' }
  | { kind: 'crashed' };

export interface AskProjectRef {
  name: string;
  /** Absolute path of a project the caller knows; the only way a sentence names a folder. */
  path: string;
}

export interface AskSlots {
  projects: AskProjectRef[];
  /** "all", "everything", "every project", or a filter over "projects". */
  all: boolean;
  filters: AskFilter[];
  category?: IssueCategory;
  profile?: EnvProfileName;
}

/** Why a sentence was not understood; the CLI turns `empty` and `tooLong` into usage errors (exit 2). */
export type NotUnderstoodReason = 'empty' | 'tooLong' | 'shellLike' | 'noIntent' | 'unknownProject';

export interface AskUnderstood {
  intent: AskIntent;
  slots: AskSlots;
  /** 0–1: how sure the parser is of the intent and the names. */
  confidence: number;
  changesState: boolean;
  /** One plain sentence of what would happen, e.g. "Start blog (~/projects/blog)". */
  understood: string;
  /** A name matched several projects equally well: the caller asks which; nothing runs until then. */
  candidates?: AskProjectRef[];
  /** The intent acts on one project and the sentence named none ("start"): the caller asks which. */
  needsProject?: boolean;
}

export interface AskNotUnderstood {
  intent: 'unknown';
  reason: NotUnderstoodReason;
  /** Starts with "I didn't understand"; says what was missing. */
  message: string;
  /** Sentences that would be understood. */
  suggestions: string[];
  confidence: number;
}

export type AskAnswer = AskUnderstood | AskNotUnderstood;

/** What the parser knows of a project: its name and folder (and, for nothing but matching, nothing else). */
export interface AskProject {
  name: string;
  path: string;
}

export interface IntentInfo {
  changesState: boolean;
  /** Acts on named projects (or all): a sentence naming none needs a project picked. */
  needsProject: boolean;
  /** "all"/"every project" means something for it (start, stop, backup…); for the others it is dropped. */
  takesAll: boolean;
}

export const INTENT_INFO: Readonly<Record<AskIntent, IntentInfo>> = {
  start: { changesState: true, needsProject: true, takesAll: true },
  stop: { changesState: true, needsProject: true, takesAll: true },
  restart: { changesState: true, needsProject: true, takesAll: true },
  backup: { changesState: true, needsProject: true, takesAll: true },
  deploy: { changesState: true, needsProject: true, takesAll: false },
  status: { changesState: false, needsProject: false, takesAll: false },
  whyCrashed: { changesState: false, needsProject: false, takesAll: false },
  showIssues: { changesState: false, needsProject: true, takesAll: true },
  analyze: { changesState: false, needsProject: true, takesAll: true },
  backups: { changesState: false, needsProject: false, takesAll: false },
  advise: { changesState: false, needsProject: false, takesAll: false },
  money: { changesState: false, needsProject: false, takesAll: false },
  roi: { changesState: false, needsProject: true, takesAll: false },
  showProject: { changesState: false, needsProject: true, takesAll: false },
  list: { changesState: false, needsProject: false, takesAll: false },
  env: { changesState: false, needsProject: true, takesAll: false },
  logs: { changesState: false, needsProject: true, takesAll: false },
  audit: { changesState: false, needsProject: false, takesAll: false },
  help: { changesState: false, needsProject: false, takesAll: false },
};

export function isUnderstood(answer: AskAnswer): answer is AskUnderstood {
  return answer.intent !== 'unknown';
}
