import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { languageOf } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import type { PreventiveDoc } from '../../../../language-server/troubleshooter/preventive/types';

const run = promisify(execFile);

/** A fresh project folder per test (its real path), removed afterwards. */
export function useProject(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), `optimus-prev-${prefix}-`)));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Writes { 'a/b.json': text, or a value written as pretty JSON }. */
export async function writeFiles(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** An installed package as npm leaves it: node_modules/<name>/package.json. */
export function installed(name: string, version: string): Record<string, unknown> {
  return { [`node_modules/${name}/package.json`]: { name, version } };
}

export function docAt(root: string, rel: string, text: string): PreventiveDoc {
  const file = path.join(root, rel);
  return { path: file, text, language: languageOf(file) };
}

/** Writes the file and returns it as an open document. */
export async function openDoc(root: string, rel: string, text: string): Promise<PreventiveDoc> {
  await writeFiles(root, { [rel]: text });
  return docAt(root, rel, text);
}

export function rules(findings: readonly AnalyzerFinding[]): string[] {
  return findings.map((f) => f.ruleId);
}

/** `line:column ruleId` per finding: positions and rules in one comparable list. */
export function places(findings: readonly AnalyzerFinding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}

/** Runs the real npm in `dir` (no scripts, audit or funding calls). */
export async function npm(dir: string, ...args: string[]): Promise<void> {
  await run('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeout: 120_000 });
}
