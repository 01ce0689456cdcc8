import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { languageOf } from '../../../../language-server/analyzer/source';
import type { AnalyzerFinding } from '../../../../language-server/analyzer/types';
import type { PreventiveDoc } from '../../../../language-server/troubleshooter/preventive/types';
import { useTempDir } from '../../../integration/helpers/tempDir';
import { writeFiles } from '../../analyzer/dependencies/helpers';

const run = promisify(execFile);

/** A fresh project folder per test (its real path), removed afterwards. */
export const useProject = (prefix: string): (() => string) => useTempDir(`prev-${prefix}`);

export { writeFiles };

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
