import type { AnalyzerFinding } from '../../analyzer/types';
import { nodeRuntimeFindings } from './nodeRuntimeFindings';
import { pythonRuntimeFindings } from './pythonRuntimeFindings';
import type { InstalledRuntimes } from './types';

/**
 * Runtimes the project asks for that the installed ones do not satisfy. The caller says what is installed
 * (see installedRuntimeVersions); a runtime it does not name is not judged. `manifestText` is the open
 * package.json's text when it may be newer than the file. Never throws.
 */
export async function checkRuntimeVersions(projectDir: string, installed: InstalledRuntimes, manifestText?: string): Promise<AnalyzerFinding[]> {
  try {
    const [node, python] = await Promise.all([
      installed.node ? nodeRuntimeFindings(projectDir, installed.node, manifestText) : [],
      installed.python ? pythonRuntimeFindings(projectDir, installed.python) : [],
    ]);
    return [...node, ...python];
  } catch {
    return [];
  }
}
