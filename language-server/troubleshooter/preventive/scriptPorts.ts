/**
 * The ports a package.json script will listen on: an explicit flag (`--port 3000`, `-p 3000`, `--port=3000`,
 * `-b 0.0.0.0:8000`, `runserver 8000`), else `PORT=...` for tools that read it, else a known dev server's
 * default. Scripts that run other scripts (`npm run web`, `run-p`, `concurrently`) are followed, and each port
 * is reported with the script it is written in.
 */
import { commandsOf, isAssignment } from './commandTokens';
import { devServerOf, programName } from './devServerDefaults';

export interface PlannedPort {
  port: number;
  /** The script whose text sets the port (or runs the server whose default it is). */
  script: string;
  /** What listens: `vite`, `next`, `node`, ... */
  tool: string;
  how: 'flag' | 'env' | 'default';
}

const MAX_DEPTH = 4;
const CLIENTS: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn', 'bun']);
const PARALLEL: ReadonlySet<string> = new Set(['concurrently', 'run-p', 'run-s', 'npm-run-all', 'npm-run-all2']);
const PORT_FLAGS: ReadonlySet<string> = new Set(['--port', '-p', '--server.port', '--http-port']);
const BIND_FLAGS: ReadonlySet<string> = new Set(['-b', '--bind', '--listen', '-l', '--host-port']);

type Scripts = Readonly<Record<string, string>>;

/** What one walk carries: `env` is what enclosing commands set (`PORT=4000 npm run web` reaches `web`). */
interface Walk {
  scripts: Scripts;
  seen: Set<string>;
  out: PlannedPort[];
}

type Env = ReadonlyMap<string, string>;

export function scriptPorts(scripts: Scripts, name: string): PlannedPort[] {
  const walk: Walk = { scripts, seen: new Set(), out: [] };
  visit(walk, name, 0, new Map());
  return walk.out;
}

function visit(walk: Walk, name: string, depth: number, env: Env): void {
  const text = walk.scripts[name];
  if (text === undefined || depth > MAX_DEPTH || walk.seen.has(name)) return;
  walk.seen.add(name);
  for (const words of commandsOf(text)) command(walk, name, words, depth, env);
}

function command(walk: Walk, name: string, raw: readonly string[], depth: number, inherited: Env): void {
  const { env, words } = unwrap(raw, inherited);
  const program = programName(words[0] ?? '');
  const called = CLIENTS.has(program) ? calledScript(walk.scripts, words) : undefined;
  if (called !== undefined) return visit(walk, called, depth + 1, env);
  if (PARALLEL.has(program)) return parallel(walk, name, words.slice(1), program === 'concurrently', depth, env);
  const port = planned(env, words);
  if (port) walk.out.push({ ...port, script: name });
}

/** Drops `PORT=1 cross-env A=2 npx --yes`: the environment they set is kept. */
function unwrap(raw: readonly string[], inherited: Env): { env: Map<string, string>; words: string[] } {
  const env = new Map(inherited);
  let words = [...raw];
  for (let guard = 0; guard < 8; guard++) {
    while (words[0] !== undefined && isAssignment(words[0])) {
      const [key, ...value] = (words.shift() as string).split('=');
      env.set(key as string, value.join('='));
    }
    const head = programName(words[0] ?? '');
    if (head === 'cross-env' || head === 'env' || head === 'npx' || head === 'bunx' || head === 'pnpx') words = dropFlags(words.slice(1));
    else if ((head === 'pnpm' || head === 'yarn' || head === 'npm') && (words[1] === 'exec' || words[1] === 'dlx')) words = dropFlags(words.slice(2));
    else if (head === 'dotenv' && words.includes('--')) words = words.slice(words.indexOf('--') + 1);
    else break;
  }
  return { env, words };
}

function dropFlags(words: string[]): string[] {
  let i = 0;
  while (words[i]?.startsWith('-')) i++;
  return words.slice(i);
}

/** `npm run x`, `npm start`, `pnpm x`, `yarn x`, `bun run x`: the script run, when the project has it. */
function calledScript(scripts: Scripts, words: readonly string[]): string | undefined {
  const [, first, second] = words;
  const name = first === 'run' || first === 'run-script' ? second : first === 'start' ? 'start' : programName(words[0] ?? '') !== 'npm' ? first : undefined;
  return name !== undefined && scripts[name] !== undefined ? name : undefined;
}

/**
 * `run-p web api`, `npm-run-all -p dev:*` (script names and globs), `concurrently "vite" "npm:api"` (commands,
 * or `npm:` scripts): each in turn.
 */
function parallel(walk: Walk, name: string, args: readonly string[], commands: boolean, depth: number, env: Env): void {
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const isScript = !commands || arg.startsWith('npm:');
    const pattern = arg.startsWith('npm:') ? arg.slice(4) : arg;
    const matched = isScript ? Object.keys(walk.scripts).filter((s) => s === pattern || (pattern.endsWith('*') && s.startsWith(pattern.slice(0, -1)))) : [];
    if (matched.length > 0) matched.forEach((s) => visit(walk, s, depth + 1, env));
    else if (commands) for (const words of commandsOf(arg)) command(walk, name, words, depth + 1, env);
  }
}

function planned(env: Env, words: readonly string[]): Omit<PlannedPort, 'script'> | undefined {
  const server = devServerOf(words);
  const tool = server?.tool ?? programName(words[0] ?? '');
  const flagged = explicitPort(words);
  if (flagged !== undefined) return { port: flagged, tool, how: 'flag' };
  const fromEnv = portNumber(env.get('PORT') ?? (server?.tool === 'flask' ? env.get('FLASK_RUN_PORT') : undefined));
  if (fromEnv !== undefined && (!server || server.honoursPortEnv || server.tool === 'flask')) return { port: fromEnv, tool, how: 'env' };
  return server ? { port: server.port, tool, how: 'default' } : undefined;
}

function explicitPort(words: readonly string[]): number | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const value = inline ?? words[i + 1];
    if (PORT_FLAGS.has(flag) && portNumber(value) !== undefined) return portNumber(value);
    if (BIND_FLAGS.has(flag) && boundPort(value) !== undefined) return boundPort(value);
    if (word === 'runserver' && boundPort(words[i + 1]) !== undefined) return boundPort(words[i + 1]);
  }
  return undefined;
}

/** `8000`, `0.0.0.0:8000`, `[::]:8000`, `tcp://localhost:8000`. */
function boundPort(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(?:(?:tcp:\/\/)?[\w.\-[\]:]*:)?(\d+)$/.exec(value);
  return portNumber(m?.[1]);
}

function portNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 65535 ? n : undefined;
}
