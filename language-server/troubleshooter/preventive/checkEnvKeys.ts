/**
 * `preventive/env-key-missing`: the code reads a key that .env.example documents but the project's .env files
 * do not set, so the program sees undefined (or a KeyError) at that line. The server's own environment is not
 * consulted: it is the editor's, not the one the project runs with.
 */
import path from 'node:path';
import { LineIndex } from '../../analyzer/security/lineIndex';
import { isScript } from '../../analyzer/source';
import type { AnalyzerFinding } from '../../analyzer/types';
import { isReadableDocument, scriptSource } from './documentSource';
import { envKeyFiles, type EnvKeyFiles } from './envKeyFiles';
import type { EnvUse } from './envUses';
import { preventiveFinding } from './finding';
import { inDependencyFolder } from './paths';
import { pythonEnvUses } from './pythonEnvUses';
import { scriptFacts } from './scriptFacts';
import { textSpan } from './spans';
import { RULE, type PreventiveDoc } from './types';

export async function checkEnvKeys(doc: PreventiveDoc, projectDir: string): Promise<AnalyzerFinding[]> {
  try {
    if (!isReadableDocument(doc) || inDependencyFolder(doc.path, projectDir)) return [];
    const uses = usesIn(doc);
    if (uses.length === 0) return [];
    const files = await envKeyFiles(projectDir);
    if (!files) return [];
    const missing = uses.filter((u) => files.exampleKeys.has(u.key) && !files.setKeys.has(u.key));
    if (missing.length === 0) return [];
    const lines = new LineIndex(doc.text);
    return missing.map((use) => finding(doc, use, lines, files));
  } catch {
    return [];
  }
}

function usesIn(doc: PreventiveDoc): readonly EnvUse[] {
  if (doc.language === 'python') return pythonEnvUses(doc.text);
  if (!isScript(doc.language)) return [];
  const source = scriptSource(doc);
  return source ? scriptFacts(source).envUses : [];
}

function finding(doc: PreventiveDoc, use: EnvUse, lines: LineIndex, files: EnvKeyFiles): AnalyzerFinding {
  const example = path.basename(files.exampleFile);
  const message = files.envExists
    ? `${use.key} is listed in ${example} but not set in .env, so it is undefined here: add it to .env`
    : `${use.key} is listed in ${example} but there is no .env file, so it is undefined here: copy ${example} to .env and fill it in`;
  return preventiveFinding(RULE.envKeyMissing, 'warning', doc.path, textSpan(lines, use.start, use.end), message, {
    fixEdit: 'add-env-key', envFile: files.envFile, key: use.key, exampleFile: files.exampleFile, envFileExists: files.envExists,
  });
}
