import type { DetectContext } from '../../scanner/ecosystems/detector';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';
import { isFile, subfolders } from './files';
import { isPort } from './ports';
import type { Found } from './types';

const DOTNET_PROJECT = /\.(?:cs|fs|vb)proj$/;
/** Past a handful, a folder of many programs is a monorepo whose members are projects of their own. */
const MAX_PROGRAMS = 5;

/** `cargo run` for a crate with a binary; a workspace root or a library alone has nothing to run. */
export async function cargoCandidates(ctx: DetectContext): Promise<Found[]> {
  if (!ctx.names.has('Cargo.toml')) return [];
  const manifest = await ctx.toml('Cargo.toml');
  if (!manifest || !isRecord(manifest.package)) return [];
  const hasBinary = Array.isArray(manifest.bin) || (await isFile(ctx.path('src/main.rs')));
  return hasBinary ? [{ id: 'cargo', label: 'cargo run', command: 'cargo run', source: 'cargo', kind: 'process' }] : [];
}

/** `go run .` for a main package at the top; otherwise each `cmd/<name>/main.go`, the usual layout for several. */
export async function goCandidates(ctx: DetectContext): Promise<Found[]> {
  if (!ctx.names.has('go.mod')) return [];
  if (ctx.names.has('main.go')) return [goRun('.', await ctx.text('main.go', true))];
  if (!ctx.names.has('cmd')) return [];
  const out: Found[] = [];
  for (const name of await subfolders(ctx.path('cmd'), MAX_PROGRAMS)) {
    const text = await ctx.text(`cmd/${name}/main.go`, true);
    if (text !== undefined) out.push(goRun(`./cmd/${name}`, text));
  }
  return out;
}

function goRun(target: string, main: string | undefined): Found {
  const command = `go run ${shellArg(target)}`;
  const expectedPort = main === undefined ? undefined : goListenPort(main);
  return { id: target === '.' ? 'go' : `go#${target.slice(2)}`, label: command, command, source: 'go', kind: 'process', ...(expectedPort ? { expectedPort } : {}) };
}

/** `http.ListenAndServe(":8080", ...)`, gin's `r.Run(":8080")`, fiber's `app.Listen(":3000")`, echo's `e.Start(":1323")`. */
export function goListenPort(source: string): number | undefined {
  const port = Number(/(?:ListenAndServe(?:TLS)?|\.Run|\.Listen|\.Start)\(\s*"[^"]*:(\d{1,5})"/.exec(source)?.[1]);
  return isPort(port) ? port : undefined;
}

/** `dotnet run`; with several project files it must be told which, so each becomes a candidate. */
export async function dotnetCandidates(ctx: DetectContext): Promise<Found[]> {
  const projects = [...ctx.names].filter((n) => DOTNET_PROJECT.test(n)).sort().slice(0, MAX_PROGRAMS);
  if (projects.length === 0) return [];
  const expectedPort = await launchSettingsPort(ctx);
  const port = expectedPort ? { expectedPort } : {};
  if (projects.length === 1) return [{ id: 'dotnet', label: `dotnet run (${projects[0]})`, command: 'dotnet run', source: 'dotnet', kind: 'process', ...port }];
  return projects.map((file) => {
    const command = `dotnet run --project ${shellArg(file)}`;
    return { id: `dotnet#${file}`, label: command, command, source: 'dotnet', kind: 'process', ...port };
  });
}

/** `Properties/launchSettings.json`: the first profile's `applicationUrl` is what `dotnet run` listens on. */
async function launchSettingsPort(ctx: DetectContext): Promise<number | undefined> {
  if (!ctx.names.has('Properties')) return undefined;
  const profiles = asRecord((await ctx.jsonc('Properties/launchSettings.json', true))?.profiles);
  for (const profile of Object.values(profiles ?? {})) {
    const url = asRecord(profile)?.applicationUrl;
    const port = typeof url === 'string' ? Number(/^https?:\/\/[^/;:]+:(\d{1,5})/.exec(url.split(';').find((u) => u.startsWith('http:')) ?? url)?.[1]) : NaN;
    if (isPort(port)) return port;
  }
  return undefined;
}

/** Quotes an argument only when it needs it; double quotes mean the same in sh and in cmd.exe for plain names. */
export function shellArg(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
