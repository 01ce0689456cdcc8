/**
 * `preventive/undeclared-package` for Python: an import that no manifest of the project declares. Whether it is
 * installed is not checked (which interpreter or virtual environment runs the code is not known here).
 */
import path from 'node:path';
import { LineIndex } from '../../analyzer/security/lineIndex';
import type { AnalyzerFinding } from '../../analyzer/types';
import { normalisePythonName } from '../../scanner/ecosystems/frameworks';
import { isReadableDocument } from './documentSource';
import { pathKind } from './fileCache';
import { preventiveFinding } from './finding';
import { ancestors, isInside } from './paths';
import { distributionToInstall, isDeclaredModule } from './pythonDistNames';
import { pythonImports, type PythonImport } from './pythonImports';
import { pythonAddCommand, pythonManifests, type PythonManifests } from './pythonManifests';
import { isPythonStdlib } from './pythonStdlib';
import { textSpan } from './spans';
import { RULE, type FindingData, type PreventiveDoc } from './types';

const LOCAL_SUFFIXES = ['.py', '.pyi', ''];

export async function checkPythonImports(doc: PreventiveDoc, projectDir: string): Promise<AnalyzerFinding[]> {
  if (doc.language !== 'python' || !isReadableDocument(doc)) return [];
  const imports = pythonImports(doc.text).filter((i) => !i.guarded && !isPythonStdlib(topOf(i)));
  if (imports.length === 0) return [];
  const manifests = await pythonManifests(projectDir);
  if (!manifests) return [];
  const roots = searchRoots(doc.path, projectDir);
  const lines = new LineIndex(doc.text);
  const findings: AnalyzerFinding[] = [];
  for (const use of imports) {
    const top = topOf(use);
    if (manifests.ownNames.has(normalisePythonName(top)) || isDeclaredModule(use.module, manifests.declared) || isLocal(top, roots)) continue;
    findings.push(finding(doc, use, lines, manifests, projectDir));
  }
  return findings;
}

function topOf(use: PythonImport): string {
  return use.module.split('.')[0] ?? use.module;
}

/** Python puts the script's folder on the path; projects also import from their root and from `src/`. */
function searchRoots(file: string, projectDir: string): string[] {
  const upToProject = ancestors(path.dirname(file)).filter((d) => isInside(d, projectDir));
  return [...upToProject, path.join(projectDir, 'src')];
}

function isLocal(top: string, roots: readonly string[]): boolean {
  return roots.some((root) => LOCAL_SUFFIXES.some((suffix) => pathKind(path.join(root, top + suffix)) === (suffix === '' ? 'dir' : 'file')));
}

function finding(doc: PreventiveDoc, use: PythonImport, lines: LineIndex, manifests: PythonManifests, projectDir: string): AnalyzerFinding {
  const distribution = distributionToInstall(use.module);
  const command = pythonAddCommand(manifests.tool, distribution);
  const data: FindingData = { fixCommand: command, fixCwd: projectDir, dependency: distribution, version: 'latest' };
  if (manifests.tool === 'pip' && manifests.requirementsFile) Object.assign(data, { fixEdit: 'add-dependency', manifest: manifests.requirementsFile });
  const also = data.fixEdit ? ` and add it to ${path.basename(manifests.requirementsFile ?? '')}` : '';
  const message = `"${topOf(use)}" is imported but no manifest of the project declares it (looked for ${distribution}): a fresh environment will not have it. Run \`${command}\`${also}`;
  return preventiveFinding(RULE.undeclaredPackage, 'warning', doc.path, textSpan(lines, use.start, use.end), message, data);
}
