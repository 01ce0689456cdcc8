import type { AnalyzerFinding } from '../../analyzer/types';
import { checkJsImports } from './checkJsImports';
import { checkPythonImports } from './checkPythonImports';
import { inDependencyFolder } from './paths';
import type { PreventiveDoc } from './types';

/**
 * Imports of packages that are declared but not installed (JS/TS) or not declared at all (JS/TS and Python).
 * Never throws: anything unreadable means no finding.
 */
export async function checkImports(doc: PreventiveDoc, projectDir: string): Promise<AnalyzerFinding[]> {
  if (inDependencyFolder(doc.path, projectDir)) return [];
  try {
    if (doc.language === 'python') return await checkPythonImports(doc, projectDir);
    return await checkJsImports(doc, projectDir);
  } catch {
    return [];
  }
}
