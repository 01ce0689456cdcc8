import path from 'node:path';
import { optimusHome } from '../../store/storePath';
import { createDiagnoser, type Diagnoser } from '../../troubleshooter/diagnoser';
import type { Diagnosis } from '../../troubleshooter/types';
import { defineCommand, type Stream } from '../command';
import { readAll, readLines } from '../readInput';
import { UsageError } from '../usage';

/** `optimus diagnose [TEXT|-]`: the cause of an error text and how to fix it. */
export const diagnoseCommand = defineCommand<{ text: string | null }>({
  name: 'diagnose',
  usage: 'diagnose [TEXT|-]',
  summary: 'the cause of an error text (argument, or stdin with - or --json --batch) and the fixes for it',
  parse: (raw) => {
    if (raw.positionals.length > 1) throw new UsageError('`optimus diagnose` takes one TEXT (quote it) or - for stdin.');
    const text = raw.positionals[0] ?? null;
    if (raw.global.batch && text !== null) throw new UsageError('With --batch, `optimus diagnose` reads JSON Lines {"text": ...} from stdin: give no TEXT.');
    if (text === '') throw new UsageError('The error text is empty: pass the text, or - to read it from stdin.');
    return { text };
  },
  async run(args, { global, out, err, env, stdin }) {
    const diagnoser = await createDiagnoser({ userDir: path.join(optimusHome(env), 'knowledge') });
    for (const problem of diagnoser.problems) err.write(`note: ${problem}\n`);
    if (global.batch) return batch(diagnoser, stdin, out);
    const text = args.text === null || args.text === '-' ? await readAll(stdin) : args.text;
    if (text.trim() === '') throw new UsageError('No error text: stdin was empty.');
    const d = diagnoser.diagnose(text);
    out.write(global.json ? `${JSON.stringify(contract(d))}\n` : `${describe(d)}\n`);
    return 0;
  },
});

/** One result line per input line, in order; a line that is not `{"text": "..."}` gets an `error` line. */
async function batch(diagnoser: Diagnoser, stdin: NodeJS.ReadableStream, out: Stream): Promise<number> {
  let bad = 0;
  let n = 0;
  for await (const line of readLines(stdin)) {
    n++;
    if (line.trim() === '') continue;
    const text = textOf(line);
    if (text === null) {
      bad++;
      out.write(`${JSON.stringify({ error: `line ${n} is not a JSON object with a "text" string` })}\n`);
      continue;
    }
    out.write(`${JSON.stringify(contract(diagnoser.diagnose(text)))}\n`);
  }
  return bad > 0 ? 1 : 0;
}

function textOf(line: string): string | null {
  try {
    const value: unknown = JSON.parse(line);
    const text = typeof value === 'object' && value !== null ? (value as { text?: unknown }).text : undefined;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** The documented JSON shape, and nothing else. */
function contract(d: Diagnosis) {
  return {
    id: d.id,
    title: d.title,
    confidence: d.confidence,
    explanation: d.explanation,
    fixes: d.fixes.map((f) => ({ title: f.title, kind: f.kind, ...(f.command ? { command: f.command } : {}) })),
    frames: d.frames.map((f) => ({ file: f.file, line: f.line, column: f.column, function: f.function, userCode: f.userCode })),
    alternatives: d.alternatives,
  };
}

function describe(d: Diagnosis): string {
  const lines = [`${d.title} (${d.id}, confidence ${Math.round(d.confidence * 100)}%)`, '', d.summary];
  const frame = d.frames.find((f) => f.userCode);
  if (frame) lines.push(`In your code: ${frame.file}:${frame.line}${frame.column ? `:${frame.column}` : ''}${frame.function ? ` (${frame.function})` : ''}`);
  if (d.fixes.length > 0) lines.push('', 'Fixes:', ...d.fixes.map((f, i) => `  ${i + 1}. ${f.title}${f.command ? `: ${f.command}` : f.guide ? ` — ${f.guide}` : ''}`));
  if (d.alternatives.length > 0) lines.push('', `Also possible: ${d.alternatives.map((a) => a.id).join(', ')}`);
  return lines.join('\n');
}
