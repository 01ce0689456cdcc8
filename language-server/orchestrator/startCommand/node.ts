import type { DetectContext } from '../../scanner/ecosystems/detector';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';
import { nodeClient, runScript } from './packageManager';
import { portFromCommand } from './ports';
import type { Found } from './types';

/** Scripts that start a project for development, best first. `build`, `test`, ... start nothing to look at. */
export const START_SCRIPTS: readonly string[] = ['dev', 'start', 'serve'];

/** package.json `scripts.dev`, `start`, `serve`, run with the project's package manager. */
export async function packageJsonCandidates(ctx: DetectContext): Promise<Found[]> {
  if (!ctx.names.has('package.json')) return [];
  const pkg = await ctx.json('package.json');
  if (!pkg) return [];
  const scripts = scriptsOf(ctx, pkg);
  if (!scripts) return [];
  const client = await nodeClient(ctx, pkg);
  return START_SCRIPTS.flatMap((name) => {
    const body = scripts[name];
    if (typeof body !== 'string' || body.trim() === '') return [];
    return [scriptCandidate(`package.json#${name}`, runScript(client, name), `package.json script ${name}`, body)];
  });
}

function scriptsOf(ctx: DetectContext, pkg: Record<string, unknown>): Record<string, unknown> | undefined {
  const scripts = pkg.scripts;
  if (scripts === undefined) return undefined;
  if (!isRecord(scripts)) {
    ctx.malformed('package.json', `package.json: "scripts" should be an object mapping script names to command lines, but is ${describe(scripts)}`);
    return undefined;
  }
  return scripts;
}

/** deno.json(c) `tasks`: a command line, or (Deno 2) an object with a `command`. */
export async function denoCandidates(ctx: DetectContext): Promise<Found[]> {
  const name = ['deno.json', 'deno.jsonc'].find((n) => ctx.names.has(n));
  if (!name) return [];
  const tasks = (await ctx.jsonc(name))?.tasks;
  if (tasks === undefined) return [];
  if (!isRecord(tasks)) {
    ctx.malformed(name, `${name}: "tasks" should be an object mapping task names to command lines, but is ${describe(tasks)}`);
    return [];
  }
  return START_SCRIPTS.flatMap((task) => {
    const body = taskCommand(tasks[task]);
    return body ? [scriptCandidate(`${name}#${task}`, `deno task ${task}`, `deno task ${task}`, body)] : [];
  });
}

function taskCommand(value: unknown): string | undefined {
  const body = typeof value === 'string' ? value : asRecord(value)?.command;
  return typeof body === 'string' && body.trim() !== '' ? body : undefined;
}

/** The port comes from the script's body: that is where `--port` or the dev server's name is written. */
function scriptCandidate(id: string, command: string, source: Found['source'], body: string): Found {
  const expectedPort = portFromCommand(body);
  return { id, label: `${command} (${shorten(body.trim())})`, command, source, kind: 'process', ...(expectedPort ? { expectedPort } : {}) };
}

const MAX_LABEL_BODY = 60;

function shorten(text: string): string {
  return text.length <= MAX_LABEL_BODY ? text : `${text.slice(0, MAX_LABEL_BODY - 1)}…`;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
