/**
 * Every preventive check that applies to one open document, for the server to publish as diagnostics.
 * Source files get the document-level checks (imports, env keys, module kind); the project's package.json
 * gets the manifest-level ones (runtime versions, lockfile sync, dev-server ports), and .nvmrc,
 * .node-version, .python-version and pyproject.toml get their runtime-version findings. Only findings in the
 * document itself come back. Never throws.
 */
import path from 'node:path';
import type { AnalyzerFinding } from '../../analyzer/types';
import { checkDevServerPort } from './checkDevServerPort';
import { checkEnvKeys } from './checkEnvKeys';
import { checkImports } from './checkImports';
import { checkLockfileSync } from './checkLockfileSync';
import { checkModuleKind } from './checkModuleKind';
import { checkRuntimeVersions } from './checkRuntimeVersions';
import { installedRuntimeVersions } from './installedRuntimes';
import { isInside } from './paths';
import type { PreventiveContext, PreventiveDoc } from './types';

const VERSION_FILES: ReadonlySet<string> = new Set(['.nvmrc', '.node-version', '.python-version', 'pyproject.toml']);

export async function preventiveFindings(doc: PreventiveDoc, projectDir: string, context: PreventiveContext = {}): Promise<AnalyzerFinding[]> {
  const dir = path.resolve(projectDir);
  const file = path.resolve(doc.path);
  if (!isInside(file, dir)) return [];
  const atRoot = path.dirname(file) === dir;
  const name = path.basename(file);
  const checks: Promise<AnalyzerFinding[]>[] = [checkImports(doc, dir), checkEnvKeys(doc, dir), checkModuleKind(doc, dir)];
  if (atRoot && name === 'package.json') {
    checks.push(checkLockfileSync(dir, doc.text));
    if (context.listening) checks.push(checkDevServerPort(dir, context.listening, doc.text));
  }
  if (atRoot && (name === 'package.json' || VERSION_FILES.has(name))) checks.push(runtimeFindings(dir, context, name === 'package.json' ? doc.text : undefined));
  const all = (await Promise.all(checks.map((c) => c.catch(() => [])))).flat();
  return all.filter((f) => path.resolve(f.path) === file).sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

async function runtimeFindings(dir: string, context: PreventiveContext, manifestText: string | undefined): Promise<AnalyzerFinding[]> {
  const installed = context.installed ?? (await installedRuntimeVersions(dir));
  return checkRuntimeVersions(dir, installed, manifestText);
}
