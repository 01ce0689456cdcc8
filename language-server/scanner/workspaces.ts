import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Finding } from '../model';
import { mapLimit } from '../util/limit';
import { createDetectContext } from './ecosystems/context';
import type { DetectContext } from './ecosystems/detector';
import { asRecord, asString, asStrings, at, isRecord } from './ecosystems/values';
import { expandFolderPatterns } from './workspace-glob';

export type WorkspaceTool = 'npm' | 'yarn' | 'pnpm' | 'cargo' | 'go' | 'lerna' | 'nx' | 'turbo' | 'bun';

/** How a monorepo names its members: folder globs relative to its root; `!glob` excludes. */
export interface WorkspaceInfo {
  tool: WorkspaceTool;
  patterns: string[];
}

/** What makes a matched folder a member; a folder a glob matches without one is not a project of the workspace. */
const MEMBER_FILES: Readonly<Record<WorkspaceTool, readonly string[]>> = {
  npm: ['package.json'], yarn: ['package.json'], pnpm: ['package.json'], bun: ['package.json'],
  lerna: ['package.json'], turbo: ['package.json'], nx: ['project.json', 'package.json'],
  cargo: ['Cargo.toml'], go: ['go.mod'],
};

/**
 * The monorepo a folder is the root of, or null. Orchestrators (lerna, nx, turbo) are named over the package
 * manager whose workspaces they build on, JavaScript before Cargo before Go; a workspace without member
 * patterns is not a monorepo. `parsed` offers documents already parsed (package.json, Cargo.toml) by file name;
 * read and parse problems go to `findings`.
 */
export async function readWorkspace(dir: string, entryNames: readonly string[], parsed?: ReadonlyMap<string, unknown>, findings?: Finding[]): Promise<WorkspaceInfo | null> {
  const ctx = createDetectContext(dir, entryNames, parsed);
  const info = await workspaceOf(ctx);
  findings?.push(...ctx.findings);
  return info;
}

/** The same, over a context whose reads identify.ts shares with the stack detectors. */
export async function workspaceOf(ctx: DetectContext): Promise<WorkspaceInfo | null> {
  const js = await packageManagerWorkspace(ctx);
  const info = (await orchestratorWorkspace(ctx, js)) ?? js ?? (await cargoWorkspace(ctx)) ?? (await goWorkspace(ctx));
  return info && info.patterns.some((p) => !p.startsWith('!')) ? info : null;
}

async function packageManagerWorkspace(ctx: DetectContext): Promise<WorkspaceInfo | null> {
  if (ctx.names.has('pnpm-workspace.yaml')) {
    const doc = await ctx.yaml('pnpm-workspace.yaml');
    const patterns = asStrings(doc?.packages);
    if (patterns.length > 0) return { tool: 'pnpm', patterns };
  }
  const pkg = ctx.names.has('package.json') ? await ctx.json('package.json') : undefined;
  const workspaces = pkg?.workspaces;
  const patterns = Array.isArray(workspaces) ? asStrings(workspaces) : asStrings(at(workspaces, 'packages'));
  return patterns.length > 0 ? { tool: jsClient(ctx, pkg), patterns } : null;
}

function jsClient(ctx: DetectContext, pkg: Record<string, unknown> | undefined): WorkspaceTool {
  const declared = asString(pkg?.packageManager)?.split('@')[0];
  if (declared === 'yarn' || declared === 'bun' || declared === 'npm' || declared === 'pnpm') return declared;
  if (ctx.names.has('pnpm-lock.yaml')) return 'pnpm';
  if (ctx.names.has('bun.lock') || ctx.names.has('bun.lockb')) return 'bun';
  return ctx.names.has('yarn.lock') || ctx.names.has('.yarnrc.yml') ? 'yarn' : 'npm';
}

/** lerna.json `packages` (default packages/*); nx `workspaceLayout` (default apps/** and libs/**); turbo reuses the client's. */
async function orchestratorWorkspace(ctx: DetectContext, js: WorkspaceInfo | null): Promise<WorkspaceInfo | null> {
  if (ctx.names.has('lerna.json')) {
    const own = asStrings((await ctx.json('lerna.json'))?.packages);
    return { tool: 'lerna', patterns: own.length > 0 ? own : (js?.patterns ?? ['packages/*']) };
  }
  if (ctx.names.has('nx.json')) {
    const layout = asRecord((await ctx.json('nx.json'))?.workspaceLayout);
    if (layout) return { tool: 'nx', patterns: [`${asString(layout.appsDir) ?? 'apps'}/**`, `${asString(layout.libsDir) ?? 'libs'}/**`] };
    return { tool: 'nx', patterns: js?.patterns ?? ['apps/**', 'libs/**'] };
  }
  return ctx.names.has('turbo.json') && js ? { tool: 'turbo', patterns: js.patterns } : null;
}

/** `[workspace] members` globs; `exclude` paths become negations. */
async function cargoWorkspace(ctx: DetectContext): Promise<WorkspaceInfo | null> {
  const workspace = ctx.names.has('Cargo.toml') ? at(await ctx.toml('Cargo.toml'), 'workspace') : undefined;
  if (!isRecord(workspace)) return null;
  return { tool: 'cargo', patterns: [...asStrings(workspace.members), ...asStrings(workspace.exclude).map((p) => `!${p}`)] };
}

/** `use ./dir` lines and `use ( ... )` blocks of go.work. */
async function goWorkspace(ctx: DetectContext): Promise<WorkspaceInfo | null> {
  const text = ctx.names.has('go.work') ? await ctx.text('go.work') : undefined;
  if (text === undefined) return null;
  const patterns: string[] = [];
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock && line.startsWith(')')) inBlock = false;
    else if (/^use\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line !== '') patterns.push(unquote(line));
    else if (/^use\s+\S/.test(line)) patterns.push(unquote(line.slice(3).trim()));
  }
  return { tool: 'go', patterns: patterns.filter((p) => p !== '.' && p !== './') };
}

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, '$1');
}

/** Absolute folders of the members that exist and hold the tool's manifest, sorted; never the root itself. */
export async function expandWorkspaceMembers(dir: string, info: WorkspaceInfo): Promise<string[]> {
  const root = resolve(dir);
  const candidates = (await expandFolderPatterns(root, info.patterns)).map((rel) => join(root, rel)).filter((p) => p !== root);
  const markers = MEMBER_FILES[info.tool];
  const members = await mapLimit(candidates, 16, async (p) => ((await hasAny(p, markers)) ? p : undefined));
  return [...new Set(members.filter((p): p is string => p !== undefined))].sort();
}

async function hasAny(folder: string, files: readonly string[]): Promise<boolean> {
  for (const file of files) {
    try {
      await access(join(folder, file));
      return true;
    } catch {
      // try the next marker
    }
  }
  return false;
}
