import { ApiServer, DEFAULT_API_PORT } from '../../api/apiServer';
import { engineApi } from '../../api/engineAdapter';
import { startHeadlessEngine } from '../../api/headlessEngine';
import { ApiMetrics } from '../../api/metrics/apiMetrics';
import { DEFAULT_RATE_LIMIT } from '../../api/rateLimit';
import { TokenService } from '../../api/tokens/tokenService';
import type { Engine } from '../../engine';
import { DEFAULT_SETTINGS } from '../../settings';
import { MEMORY_PATH } from '../../store/storePath';
import { absolutePath, existingFolder, intOption } from '../checks';
import { defineCommand, type CliContext } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { storedProjects } from '../storedProjects';
import { UsageError } from '../usage';

declare const OPTIMUS_VERSION: string | undefined;

const USAGE = 'serve [ROOT...] [--port N] [--rate-limit N]';

interface ServeArgs {
  roots: string[];
  port: number;
  rate: number | undefined;
}

/** `optimus serve`: the REST API over the same engine as the language server, until Ctrl+C (or SIGTERM). */
export const serveCommand = defineCommand<ServeArgs>({
  name: 'serve',
  usage: USAGE,
  summary: 'the REST API (/api/v1, /metrics) on 127.0.0.1 until Ctrl+C; calls need a token from `optimus token create`',
  options: {
    port: { type: 'string', value: 'N', help: `the port on 127.0.0.1 (default ${DEFAULT_API_PORT}; 0 picks a free one)` },
    'rate-limit': { type: 'string', value: 'N', help: `requests a second per token, bursts of twice that (default ${DEFAULT_RATE_LIMIT.perSecond})` },
  },
  cancellable: true,
  parse: (raw) => {
    if (raw.global.db === MEMORY_PATH) throw new UsageError('`optimus serve` needs a database file for its tokens (they are made by `optimus token create` in another process), not --db :memory:.');
    return { roots: raw.positionals, port: intOption(raw, 'port', 0, 65535) ?? DEFAULT_API_PORT, rate: intOption(raw, 'rate-limit', 1, 1_000_000) };
  },
  async run(args, ctx) {
    const roots = await rootsOf(args.roots, ctx);
    const metrics = new ApiMetrics();
    const started = performance.now();
    const engine = await startHeadlessEngine({ storePath: ctx.global.db, roots, onMessage: (m) => ctx.err.write(`${m.severity === 'error' ? 'optimus' : 'note'}: ${m.message}\n`) });
    metrics.scans.observe((performance.now() - started) / 1000);
    try {
      if (!(await engine.store())) throw new Error('the Optimus database could not be opened, so no token can be checked; see the message above.');
      await serveUntilStopped(engine, args, ctx, metrics);
    } finally {
      await engine.dispose();
    }
    return 0;
  },
});

async function serveUntilStopped(engine: Engine, args: ServeArgs, ctx: CliContext, metrics: ApiMetrics): Promise<void> {
  const tokens = new TokenService({ store: () => engine.store() });
  const api = engineApi(engine, { onScan: (s) => metrics.scans.observe(s), onAnalysis: (s) => metrics.analyses.observe(s) });
  const server = await ApiServer.listen({
    api, tokens, metrics, port: args.port, version: typeof OPTIMUS_VERSION === 'string' ? OPTIMUS_VERSION : 'dev',
    ...(args.rate ? { rateLimit: { perSecond: args.rate, burst: args.rate * 2 } } : {}),
    onError: (message) => ctx.err.write(`optimus: ${message}\n`),
  });
  try {
    const ready = { url: server.url, port: server.port, pid: process.pid, projects: engine.list().projects.length };
    if (ctx.global.json && ctx.global.batch) writeJsonLines(ctx.out, [ready]);
    else if (ctx.global.json) writeJson(ctx.out, ready);
    else ctx.out.write(`Optimus API on ${server.url}/api/v1 (${ready.projects} projects); Ctrl+C stops it.\n`);
    await stopped(ctx.signal);
  } finally {
    await server.close();
    await tokens.dispose();
  }
}

/** The folders given, else those of the last scan, else the default (~/projects). */
async function rootsOf(given: readonly string[], ctx: CliContext): Promise<string[]> {
  if (given.length > 0) return Promise.all(given.map((r) => existingFolder(r, USAGE)));
  const stored = [...new Set((await storedProjects(ctx.store)).map((p) => p.root))];
  return stored.length > 0 ? stored : DEFAULT_SETTINGS.roots.map(absolutePath);
}

function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}
