/**
 * The REST API under load: `optimus serve` (dist/optimus.js, as users run it, in its own process) over the
 * benchmark portfolio (200 git projects, bench/portfolio.ts), 50 concurrent keep-alive clients for 10 s per
 * route (autocannon), beside a floor measured in the same run: a bare node:http server answering the same
 * bytes as GET /api/v1/projects. The target: reads p95 ≤ 10 ms with zero errors and flat memory.
 * Nothing fails on timing; the figures are printed.
 *   node --import tsx bench/api.bench.ts [--seconds N] [--connections N] [--rounds N] [--json]
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectIdOf } from '../language-server/api/projectRefs';
import { load, startFloor } from './apiLoad';
import { ensurePortfolio } from './portfolio';
import { evaluate, table, type Row } from './report';
import { memoryOf, REPO, round } from './stats';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean' } } });
const SECONDS = Number(values.seconds ?? 10);
const CONNECTIONS = Number(values.connections ?? 50);
/** Further list + detail runs after the measured ones, RSS read after each: memory is flat when it stops growing. */
const ROUNDS = Number(values.rounds ?? 3);
const BIN = path.join(REPO, 'dist', 'optimus.js');
const log = (line: string): void => void process.stderr.write(`· ${line}\n`);

function node(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => execFile(process.execPath, args, { cwd: REPO, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (e, out, err) => (e ? reject(new Error(`${args.join(' ')}: ${err}`)) : resolve(out))));
}

/** `optimus serve ROOT` on a free port; resolves with its port once it printed its JSON (it listens then). */
function serve(root: string, db: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  // The bench measures latency, not the rate limit: each client would otherwise be held to 20 requests a second.
  const child = spawn(process.execPath, [BIN, 'serve', root, '--port', '0', '--json', '--db', db, '--rate-limit', '1000000'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      try {
        resolve({ child, port: (JSON.parse(out) as { port: number }).port });
      } catch {
        // not all of it yet
      }
    });
    child.once('exit', (code) => reject(new Error(`optimus serve exited (${code})`)));
  });
}

async function get(url: string, token: string): Promise<string> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.text();
}

/** The index fills in git state after the walk: wait until the list stops changing, so the run measures a settled server. */
async function settled(url: string, token: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 120; i++) {
    const body = await get(url, token);
    if (body === last) return body;
    last = body;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return last;
}

async function main(): Promise<void> {
  const { summary } = await ensurePortfolio(42, log);
  log('building dist/ (the CLI users run)');
  await node([path.join(REPO, 'scripts', 'build.mjs')], {});
  const home = mkdtempSync(path.join(os.tmpdir(), 'optimus-bench-api-'));
  const env = { OPTIMUS_HOME: home };
  const db = path.join(home, 'optimus.sqlite');
  const children: ChildProcess[] = [];
  try {
    const token = (JSON.parse(await node([BIN, 'token', 'create', '--scope', 'read', '--json', '--db', db], env)) as { token: string }).token;
    log(`starting optimus serve over ${summary.projects.length} projects`);
    const server = await serve(summary.dir, db, env);
    children.push(server.child);
    const base = `http://127.0.0.1:${server.port}`;
    const listBody = await settled(`${base}/api/v1/projects`, token);
    const projects = (JSON.parse(listBody) as { projects: Array<{ path: string }> }).projects;
    const detailPath = `/api/v1/projects/${projectIdOf(projects[Math.floor(projects.length / 2)]?.path ?? '')}`;
    const detailBody = await get(`${base}${detailPath}`, token);
    const floor = await startFloor(listBody, home);
    children.push(floor.child);
    const headers = { authorization: `Bearer ${token}` };
    const opts = { connections: CONNECTIONS, seconds: SECONDS };

    log('warming up (2 s each, not counted)');
    await load(`${base}/api/v1/projects`, { ...opts, seconds: 2, headers });
    await load(`http://127.0.0.1:${floor.port}/`, { ...opts, seconds: 2 });
    const rssBefore = memoryOf(server.child.pid as number).rssMb;
    log(`floor: bare node:http, the same ${listBody.length} bytes`);
    const bare = await load(`http://127.0.0.1:${floor.port}/`, opts);
    log(`GET /api/v1/projects (${projects.length} projects, ${listBody.length} bytes)`);
    const list = await load(`${base}/api/v1/projects`, { ...opts, headers });
    const rssAfterList = memoryOf(server.child.pid as number).rssMb;
    log(`GET ${detailPath} (${detailBody.length} bytes)`);
    const detail = await load(`${base}${detailPath}`, { ...opts, headers });
    const rss = [memoryOf(server.child.pid as number).rssMb];
    let again = { errors: 0, non2xx: 0, requests: 0 };
    for (let i = 1; i <= ROUNDS; i++) {
      log(`memory round ${i} of ${ROUNDS}: list and detail again`);
      for (const url of [`${base}/api/v1/projects`, `${base}${detailPath}`]) {
        const r = await load(url, { ...opts, headers });
        again = { errors: again.errors + r.errors, non2xx: again.non2xx + r.non2xx, requests: again.requests + r.requests };
      }
      rss.push(memoryOf(server.child.pid as number).rssMb);
    }
    const rssAfter = memoryOf(server.child.pid as number);

    const floorRow = (q: 'p50' | 'p95' | 'p99') => ({ name: 'bare node:http, same bytes', value: round(bare[q], 2) });
    const rows: Row[] = [
      ...(['p50', 'p95', 'p99'] as const).map((q) => ({ measure: `GET /api/v1/projects ${q}`, value: round(list[q], 2), unit: 'ms' as const, ...(q === 'p95' ? { target: { max: 10, on: 'value' as const } } : {}), floor: floorRow(q) })),
      ...(['p50', 'p95', 'p99'] as const).map((q) => ({ measure: `GET /api/v1/projects/{id} ${q}`, value: round(detail[q], 2), unit: 'ms' as const, ...(q === 'p95' ? { target: { max: 10, on: 'value' as const } } : {}) })),
      { measure: 'GET /api/v1/projects requests/s', value: round(list.perSecond, 0), unit: '', floor: { name: 'bare node:http', value: round(bare.perSecond, 0) } },
      { measure: 'GET /api/v1/projects/{id} requests/s', value: round(detail.perSecond, 0), unit: '' },
      { measure: `errors + timeouts (all ${2 + 2 * ROUNDS} runs)`, value: list.errors + detail.errors + again.errors, unit: '', target: { max: 0, on: 'value' } },
      { measure: `non-2xx answers (all ${2 + 2 * ROUNDS} runs)`, value: list.non2xx + detail.non2xx + again.non2xx, unit: '', target: { max: 0, on: 'value' } },
      { measure: 'server RSS before the runs', value: rssBefore, unit: 'MB' },
      { measure: 'server RSS after the first list run', value: rssAfterList, unit: 'MB' },
      ...rss.map((value, i) => ({ measure: i === 0 ? 'server RSS after the measured runs' : `server RSS after memory round ${i}`, value, unit: 'MB' as const })),
      { measure: `server RSS growth over the ${ROUNDS} memory rounds`, value: round((rss.at(-1) ?? NaN) - (rss[0] ?? NaN), 1), unit: 'MB', target: { max: 10, on: 'value' } },
    ];
    const results = rows.map(evaluate);
    if (values.json) return void process.stdout.write(`${JSON.stringify({ rows: results, list, detail, again, bare }, null, 2)}\n`);
    const head = `Optimus REST API benchmark: ${CONNECTIONS} connections × ${SECONDS} s per route on loopback, ${projects.length} projects (${os.cpus().length} cores, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`;
    process.stdout.write(`${head}\n\n${table(results)}\n\nrequests: list ${list.requests}, detail ${detail.requests}, memory rounds ${again.requests}, floor ${bare.requests}; server peak RSS ${rssAfter.hwmMb} MB\n`);
  } finally {
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM'))))));
    rmSync(home, { recursive: true, force: true });
  }
}

void main();
