import path from 'node:path';
import type { Finding } from '../../model';
import { createDetectContext } from '../../scanner/ecosystems/context';
import type { DetectContext } from '../../scanner/ecosystems/detector';
import { composeCandidates } from './compose';
import { entryNamesOf } from './files';
import { webFrameworkCandidates } from './frameworks';
import { cargoCandidates, dotnetCandidates, goCandidates } from './native';
import { denoCandidates, packageJsonCandidates } from './node';
import { pythonCandidates } from './python';
import { makefileCandidates, procfileCandidates } from './scripts';
import type { Found, StartCandidate } from './types';

type Source = (ctx: DetectContext) => Promise<Found[]>;

/**
 * Best first. What the project's authors wrote down as "how to run this" (package scripts, deno tasks) comes
 * before the whole stack in containers, which comes before a Makefile target; then each framework's dev server
 * (inferred from its files); then a Procfile's `web`, which is usually the production command; then the plain
 * `run` of a language, which starts something but may not be what a developer opens in a browser.
 */
const SOURCES: readonly Source[] = [
  packageJsonCandidates,
  denoCandidates,
  composeCandidates,
  makefileCandidates,
  pythonCandidates,
  webFrameworkCandidates,
  procfileCandidates,
  cargoCandidates,
  goCandidates,
  dotnetCandidates,
];

export interface Detected {
  candidates: StartCandidate[];
  /** Files that could not be read or parsed on the way (a malformed package.json, ...). */
  findings: Finding[];
}

/** Ways to start the project at `projectDir`, best first. Reads files only; never runs anything, never throws. */
export async function detectStartCommands(projectDir: string, entryNames?: readonly string[]): Promise<StartCandidate[]> {
  return (await detectWithFindings(projectDir, entryNames)).candidates;
}

/** `entryNames` are the names in the folder when the caller has listed it already (the scanner has). */
export async function detectWithFindings(projectDir: string, entryNames?: readonly string[]): Promise<Detected> {
  const cwd = path.resolve(projectDir);
  const ctx = createDetectContext(cwd, entryNames ?? (await entryNamesOf(cwd)));
  const found: Found[] = [];
  for (const source of SOURCES) found.push(...(await safely(source, ctx)));
  return { candidates: unique(found).map((f) => ({ ...f, cwd })), findings: [...ctx.findings] };
}

/** A bug in one source must cost only that source's candidates. */
async function safely(source: Source, ctx: DetectContext): Promise<Found[]> {
  try {
    return await source(ctx);
  } catch (error) {
    ctx.findings.push({
      code: 'start/detect-failed', severity: 'warning', file: ctx.dir,
      message: `Looking for a start command (${source.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
    });
    return [];
  }
}

/** Two sources can give the same command (a Procfile that says `bin/rails server`); the better-ranked stays. */
function unique(found: readonly Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.command) && seen.add(f.command));
}
