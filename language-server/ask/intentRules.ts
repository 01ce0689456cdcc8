import type { AskIntent } from './askTypes';
import { STACK_WORDS } from './slots';

/**
 * Cues for each intent: a pattern over the sentence's words (lowercase, contractions spelled out, each project
 * mention replaced by `@p`) and its weight. An intent's score is the sum of its cues that match; the best wins.
 * 4–5: says the intent on its own ("restart", "what should I work on"); 3: a strong verb or noun; 1–2: support.
 */
export interface Cue {
  re: RegExp;
  weight: number;
}

const P = '@p';
const escape = (w: string) => w.replace(/[.+#]/g, (c) => `\\${c}`);
/** "python projects", "react apps": a list by stack. */
const STACK_PROJECTS = new RegExp(`(^|\\s)(${Object.keys(STACK_WORDS).map(escape).join('|')}) (projects|apps|repos|ones)\\b`);
/** The verb opens the sentence (after "please", "can you"): an order, not a question about it. */
function HEAD(verbs: string): RegExp {
  return new RegExp(`^(please |pls |can you |could you |would you |go and |now )?(${verbs})\\b`);
}

/** A project, "it", "them", "everything": what a verb acts on. */
const OBJ = `(?:(?:the |my )?${P}|it|them|everything|all|all projects|every project)`;

export const INTENT_CUES: Readonly<Record<AskIntent, readonly Cue[]>> = {
  start: [
    { re: /\b(start|launch|boot|kickstart)\b/, weight: 3 },
    { re: /\brun\b/, weight: 2.5 },
    { re: /\b(bring|get|boot|start) up\b/, weight: 3.5 },
    { re: HEAD('start|launch|run|boot|fire|spin|bring|serve'), weight: 1 },
    { re: /\b(fire|spin|power) (?:\S+ )?(?:\S+ )?up\b/, weight: 3.5 },
    { re: new RegExp(`\\b(bring|get) ${OBJ} (up|running|going|started)\\b`), weight: 3.5 },
    { re: /\b(turn|switch) on\b/, weight: 3 },
    { re: /\bkick off\b/, weight: 3 },
    { re: /\bserve\b/, weight: 2.5 },
  ],
  stop: [
    { re: /\b(stop|kill|halt|terminate|shutdown)\b/, weight: 3 },
    { re: new RegExp(`\\b(shut|close|bring|take|turn|power|switch) (?:${OBJ} )?(down|off)\\b`), weight: 3.5 },
    { re: HEAD('stop|kill|halt|terminate|shut|turn|take'), weight: 1 },
  ],
  restart: [
    { re: /\b(restart|reboot|bounce|reload|relaunch|recycle)\b/, weight: 4.5 },
    { re: /\b(stop|kill)\b.*\band (then )?(start|run|launch|boot)\b/, weight: 4 },
    { re: /\b(start|run) (?:\S+ )?(again|over|afresh)\b/, weight: 3 },
    { re: HEAD('restart|reboot|bounce|reload'), weight: 1 },
  ],
  status: [
    { re: /\bwhat is (currently |now |still )?(running|up|live|on)\b/, weight: 5 },
    { re: /\b(which|what) (of (my |the |our )?)?(projects? |apps? |services? )?(are|is) (currently |now |still )?(running|up|live|alive)\b/, weight: 5 },
    { re: new RegExp(`\\b(is|are) (the |my )?(${P}|anything|something|everything|any projects?|all projects?|projects?) (still |currently |now )?(running|up|alive|live|online|on)\\b`), weight: 4.5 },
    { re: new RegExp(`\\b(is|are) (the |my )?(${P}|anything|something) (still |currently |now )?(down|dead|offline)\\b`), weight: 3.5 },
    { re: /\b(show|list|see) (me )?(the |all )?running\b/, weight: 4 },
    { re: /\brunning\b/, weight: 1.5 },
    { re: /\b(status|runtime|monitor)\b/, weight: 3 },
    { re: /\b(ports?|process|processes)\b/, weight: 2.5 },
    { re: /\b(cpu|memory|ram)\b/, weight: 2.5 },
    { re: /\bwhat is (going on|up)\b/, weight: 3 },
    { re: /^anything (running|up|on)\b/, weight: 3 },
  ],
  whyCrashed: [
    { re: /\bwhy\b/, weight: 2 },
    { re: /\bwhy (did|does|do|is|was|has|are|were|would|will|can|keeps?)\b/, weight: 1 },
    { re: /\b(crash|crashed|crashes|crashing)\b/, weight: 2 },
    { re: /\b(fail|failed|failing|broke|broken|died|dead|down|error|errors|exception)\b/, weight: 1.5 },
    { re: /\bwhat (happened|went wrong)\b/, weight: 3.5 },
    { re: /\b(diagnose|troubleshoot)\b/, weight: 3.5 },
    { re: /\bdebug\b/, weight: 3 },
    { re: /\blast crash\b/, weight: 2 },
    { re: /\b(cause|caused|causing|reason)\b/, weight: 2 },
    { re: /\b(will|does|did|do|would|can) not (@p |it |they )?(start|run|work|boot|load|launch|compile|build|come up)\b/, weight: 3 },
  ],
  showIssues: [
    { re: /\b(issues?|problems?|findings?|warnings?|vulnerabilit(y|ies)|vulns?|cves?|bugs?|smells?|secrets?)\b/, weight: 3.5 },
    { re: /\b(security|secure|insecure|vulnerable|leaked|leaks?)\b/, weight: 2.5 },
    { re: /\b(performance|perf)\b/, weight: 1.5 },
    { re: /\b(slow|slower|sluggish|laggy)\b/, weight: 2.5 },
    { re: /\b(quality|complexity|lint|maintainability)\b/, weight: 1.5 },
    { re: /\b(tech|technical) debt\b|\bdebt\b/, weight: 2.5 },
    { re: /\bwhat is wrong (with|in)\b/, weight: 3 },
  ],
  analyze: [
    { re: /\b(analy[sz]e|analysis|analyzed|analysed)\b/, weight: 4 },
    { re: /\b(health|healthy)\b/, weight: 3.5 },
    { re: /\b(check|inspect|examine|review|lint|audit|scan) (the |my )?(code|source)\b/, weight: 4 },
    { re: /\b(check|inspect|examine|review|scan) (?:\S+ )?@p\b/, weight: 3 },
    { re: HEAD('analy[sz]e|check|inspect|examine|review'), weight: 1 },
    { re: /\bhow good is\b/, weight: 2.5 },
  ],
  backup: [
    { re: /\b(back up|backup)\b/, weight: 4 },
    { re: /\b(snapshot|archive)\b/, weight: 3 },
    { re: /\b(save|make|take) a copy\b/, weight: 3.5 },
    { re: HEAD('back up|backup|snapshot|archive|save'), weight: 1 },
  ],
  backups: [
    { re: /\bbackups\b/, weight: 4.5 },
    { re: /\bbacked up\b/, weight: 4 },
    { re: /\bwhen (did|was|were|have|has) \b.*\b(back up|backed up|backup)\b|\blast (back up|backed up)\b/, weight: 5 },
    { re: /\b(last|latest|recent|newest|previous|existing|old) backups?\b/, weight: 5 },
    { re: /\b(do|have) (i|we) (have |got |made )?(a |any )?backups?\b|\bis there (a |any )?backup\b|\bany backups?\b/, weight: 5 },
  ],
  advise: [
    { re: /\b(advice|advise|recommend|recommendations?|suggestions?|suggest)\b/, weight: 4 },
    { re: /\bwhat (should|shall|could|can|do) (i|we) (do|work on|focus on|tackle|fix)\b/, weight: 5 },
    { re: /\bnext actions?\b/, weight: 4.5 },
    { re: /\bwhat is next\b|\bwhat next\b|\bwork on next\b/, weight: 4.5 },
    { re: /\bwhat to do\b|\bto ?do list\b|\btodos?\b/, weight: 3 },
    { re: /\bprioriti[sz]e|\bpriorities\b/, weight: 3.5 },
    { re: /\bneeds? (my |our )?attention\b/, weight: 4 },
    { re: /\b(most important|most urgent|biggest win|quick wins?)\b/, weight: 4 },
  ],
  money: [
    { re: /\bmoney\b/, weight: 4 },
    { re: /\bmakes? money\b|\bmaking money\b/, weight: 2 },
    { re: /\b(earns?|earning|earnings|profits?|profitable|revenue|income|monetiz\w*|monetis\w*|paying|pays|sales|cash)\b/, weight: 4 },
  ],
  roi: [
    { re: /\broi\b|\breturn on investment\b/, weight: 5 },
    { re: /\bworth (it|the (time|effort))\b/, weight: 4 },
    { re: /\bhow (much|many) (time|hours)\b/, weight: 4.5 },
    { re: /\b(hours|invested|investment)\b/, weight: 2.5 },
    { re: /\b(spend|spent|cost|costs|costing)\b/, weight: 2.5 },
    { re: /\btime (went|spent|invested|put)\b/, weight: 1.5 },
  ],
  showProject: [
    { re: /\b(open|show|display|view|see)\b/, weight: 1.5 },
    { re: new RegExp(`\\b(open|show|display|view)( up)? (me )?(the )?(project )?${P}( project| folder| repo| page)?$`), weight: 3 },
    { re: /\b(details?|info|information|overview|summary)\b/, weight: 2.5 },
    { re: /\bproject page\b/, weight: 2 },
    { re: /\btell me about\b/, weight: 3 },
    { re: /\b(go|jump|take me|switch) to\b/, weight: 2.5 },
    { re: new RegExp(`^${P}$`), weight: 3 },
  ],
  list: [
    { re: /\b(list|enumerate)\b/, weight: 3 },
    { re: /\bprojects\b/, weight: 1.5 },
    { re: /\b(which|what) (\S+ )?projects\b/, weight: 1.5 },
    { re: /\bhow many projects\b/, weight: 3 },
    { re: STACK_PROJECTS, weight: 2 },
    { re: /\bshow (me )?(all )?(of )?(my |the )?projects\b/, weight: 2 },
    { re: /\b(stale|abandoned|inactive|dormant|untouched|neglected|forgotten|dirty|uncommitted|unpushed)\b/, weight: 1 },
    { re: /\bnot (been |i |we |you )?(touched|worked on|updated|pushed|committed)\b/, weight: 1 },
  ],
  deploy: [
    { re: /\b(deploy|ship|publish|release)\b/, weight: 4 },
    { re: HEAD('deploy|ship|publish|release'), weight: 1 },
    { re: /\b(go|push|put) (?:\S+ )?(live|online|to (prod|production))\b/, weight: 3.5 },
  ],
  env: [
    { re: /\b(env|environment|environments|dotenv)\b/, weight: 3.5 },
    { re: /\b(env|environment) (vars?|variables?|keys?)\b/, weight: 1 },
    { re: /\bprofiles?\b/, weight: 2 },
    { re: /\bkeys? (are )?missing\b|\bmissing keys?\b/, weight: 2 },
  ],
  logs: [
    { re: /\b(logs?|output|stdout|stderr)\b/, weight: 3.5 },
    { re: /\btail\b/, weight: 3 },
    { re: /\b(print|prints|printing|printed|logging|logged)\b/, weight: 3 },
    { re: /\bwhat did @p (print|say|log|output)\b/, weight: 4 },
  ],
  audit: [
    { re: /\baudit\b/, weight: 3 },
    { re: /\baudit (log|trail|history)\b/, weight: 3 },
    { re: /\bwhat (did|has) (optimus|you) (do|done|change|changed)\b/, weight: 5 },
    { re: /\b(recent|last|past) actions\b|\baction history\b|\bhistory of actions\b/, weight: 5 },
    { re: /\bwho (started|stopped|restarted|backed up|deployed)\b/, weight: 4 },
  ],
  help: [
    { re: /^(help( me| please)?|examples?|usage|commands)$/, weight: 5 },
    { re: /\bwhat can (you|i) (do|ask|say|type)\b/, weight: 5 },
    { re: /\bhow does (this|it|ask) work\b/, weight: 5 },
    { re: /\bhelp\b/, weight: 2 },
  ],
};

/** When two intents score the same, the earlier one here wins: the more specific reading first. */
export const TIE_ORDER: readonly AskIntent[] = [
  'restart', 'whyCrashed', 'backups', 'audit', 'help', 'roi', 'money', 'advise', 'showIssues', 'analyze', 'logs', 'env',
  'deploy', 'backup', 'stop', 'start', 'status', 'list', 'showProject',
];
