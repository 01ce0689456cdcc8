import os from 'node:os';
import { INTENT_INFO, isUnderstood, type AskAnswer, type AskIntent, type AskUnderstood } from '../../ask/askTypes';
import { act } from '../../ask/cli/askAct';
import type { AskOutcome, AskRun } from '../../ask/cli/askContext';
import { READ_HANDLERS } from '../../ask/cli/askRead';
import { MAX_ASK_CHARS } from '../../ask/normalize';
import { parseAsk } from '../../ask/parseAsk';
import { defineCommand, type CliContext } from '../command';
import { writeJson } from '../output';
import { storedProjects } from '../storedProjects';
import { UsageError } from '../usage';

const USAGE = 'ask SENTENCE [--yes]';

/**
 * `optimus ask "stop everything"`: a sentence understood without a model or the network, shown as one line,
 * then done with the code of the command that does the same (list, runtime, advise, roi, start, stop, backup…).
 * Exit codes: 0 done (or, for what changes state, shown and not done: no --yes and no terminal to ask in, or
 * the answer was no); 1 not understood, ambiguous, no project named, or an action failed; 2 no sentence, or
 * one over 500 characters.
 */
export const askCommand = defineCommand<{ sentence: string; yes: boolean }>({
  name: 'ask',
  usage: USAGE,
  summary: 'do what a sentence asks ("what\'s running?", "stop everything"); changes only with --yes or a y on a terminal',
  options: { yes: { type: 'boolean', help: 'do what changes state (start, stop, restart, back up) without asking first' } },
  cancellable: true,
  parse(raw) {
    const sentence = raw.positionals.join(' ').trim();
    if (raw.positionals.length === 0) throw new UsageError(`\`optimus ask\` needs a sentence: type \`optimus ask "what's running?"\`.`);
    if (sentence === '') throw new UsageError('The sentence is empty: type `optimus ask "what\'s running?"`.');
    if (sentence.length > MAX_ASK_CHARS) throw new UsageError(`The sentence is ${sentence.length} characters long; \`optimus ask\` reads at most ${MAX_ASK_CHARS}. Ask one thing at a time.`);
    if (raw.global.batch) throw new UsageError('`optimus ask` prints one JSON document: use --json without --batch.');
    return { sentence, yes: raw.options.yes === true };
  },
  async run(args, ctx) {
    const projects = await storedProjects(ctx.store, (message) => ctx.err.write(`optimus: ${message}\n`));
    if (projects.length === 0) ctx.err.write('note: no projects are known yet; run `optimus scan ROOT` first so that names can be matched.\n');
    const home = ctx.env.HOME ?? os.homedir();
    const answer = parseAsk(args.sentence, projects, { home });
    if (!isUnderstood(answer)) return notUnderstood(answer, ctx);
    if (answer.candidates || answer.needsProject) return unresolved(answer, ctx);
    if (!ctx.global.json) ctx.out.write(`Understood: ${answer.understood}\n`);
    const run: AskRun = { ctx, projects, answer, home, yes: args.yes };
    const outcome = await handle(run, answer.intent);
    if (ctx.global.json) writeJson(ctx.out, document(answer, outcome));
    else if (outcome.text !== '') ctx.out.write(`${outcome.text}\n`);
    return outcome.code;
  },
});

function handle(run: AskRun, intent: AskIntent): Promise<AskOutcome> {
  if (intent === 'start' || intent === 'stop' || intent === 'restart' || intent === 'backup' || intent === 'deploy') return act(run, intent);
  return READ_HANDLERS[intent](run);
}

/** What --json prints: what was understood, and what came of it. */
function document(answer: AskUnderstood, outcome: AskOutcome): object {
  return {
    understood: answer.understood,
    intent: answer.intent,
    slots: answer.slots,
    confidence: answer.confidence,
    changesState: INTENT_INFO[answer.intent].changesState,
    ...(outcome.targets ? { targets: outcome.targets, done: outcome.done === true } : {}),
    ...(outcome.result !== undefined ? { result: outcome.result } : {}),
    ...(outcome.result === undefined && outcome.text !== '' ? { message: outcome.text } : {}),
  };
}

/** Exit 1: a sentence was given, and nothing in it can be acted on; the message says what would be. */
function notUnderstood(answer: Extract<AskAnswer, { intent: 'unknown' }>, ctx: CliContext): number {
  if (ctx.global.json) writeJson(ctx.out, { understood: null, intent: 'unknown', reason: answer.reason, message: answer.message, suggestions: answer.suggestions });
  else ctx.out.write(`${answer.message}\nTry: ${answer.suggestions.slice(0, 4).map((s) => `optimus ask "${s}"`).join(' · ')}\n`);
  return 1;
}

/** Exit 1: the intent is clear, the project is not; nothing runs until the sentence names one. */
function unresolved(answer: AskUnderstood, ctx: CliContext): number {
  const options = answer.candidates?.map((c) => `${c.name} (${c.path})`) ?? [];
  const message = options.length > 0 ? `More than one project matches: ${options.join(', ')}. Say which, by its full name.` : 'Say which project, by its name.';
  if (ctx.global.json) writeJson(ctx.out, { understood: answer.understood, intent: answer.intent, slots: answer.slots, confidence: answer.confidence, changesState: answer.changesState, ...(answer.candidates ? { candidates: answer.candidates } : {}), message });
  else ctx.out.write(`Understood: ${answer.understood}\n${message}\n`);
  return 1;
}
