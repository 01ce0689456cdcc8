/** `preventive/runtime-version` for Node: package.json `engines.node`, .nvmrc and .node-version. */
import path from 'node:path';
import type { AnalyzerFinding } from '../../analyzer/types';
import { cachedParse } from './fileCache';
import { FIRST_LINE, preventiveFinding } from './finding';
import { keySpanOrStart } from './jsonPositions';
import { nodeVersionWish, NEWEST_KNOWN_LTS, satisfiesNewestLts, type NodeWish } from './nodeVersionFile';
import { satisfiesNpmRange } from './npmRange';
import { packageJsonIn } from './packageJson';
import { RULE, type FindingData } from './types';

const MAX_VERSION_FILE_BYTES = 4096;

export async function nodeRuntimeFindings(projectDir: string, installed: string, manifestText?: string): Promise<AnalyzerFinding[]> {
  const findings: AnalyzerFinding[] = [];
  const pkg = await packageJsonIn(projectDir, manifestText);
  const range = pkg?.engines.node?.trim();
  if (pkg && range && satisfiesNpmRange(installed, range) === false) {
    const message = `package.json asks for Node ${range} (engines.node), but the node on PATH is ${installed}: npm warns (EBADENGINE), yarn refuses to install, and code may use what this Node lacks`;
    findings.push(preventiveFinding(RULE.runtimeVersion, 'warning', pkg.path, keySpanOrStart(pkg.path, pkg.text, ['engines', 'node']), message,
      data('engines', range, installed, projectDir)));
  }
  for (const name of ['.nvmrc', '.node-version']) {
    const file = path.join(projectDir, name);
    const wish = await cachedParse(file, 'node-version-file', MAX_VERSION_FILE_BYTES, nodeVersionWish);
    if (wish && fails(wish, installed)) findings.push(fileFinding(file, name, wish, installed, projectDir));
  }
  return findings;
}

function fails(wish: NodeWish, installed: string): boolean {
  return (wish.kind === 'range' ? satisfiesNpmRange(installed, wish.range) : satisfiesNewestLts(installed)) === false;
}

function fileFinding(file: string, name: string, wish: NodeWish, installed: string, projectDir: string): AnalyzerFinding {
  const wanted = wish.kind === 'newest-lts' ? `the newest LTS (${wish.written}: ${NEWEST_KNOWN_LTS} or later)` : wish.written;
  const nvm = name === '.nvmrc';
  const how = nvm ? 'run `nvm install` in this folder to get and use it' : 'switch with your version manager (fnm, nodenv, asdf)';
  const message = `${name} asks for Node ${wanted}, but the node on PATH is ${installed}: ${how}`;
  const extra: FindingData = nvm ? { fixCommand: 'nvm install' } : {};
  return preventiveFinding(RULE.runtimeVersion, 'warning', file, FIRST_LINE, message, { ...data(name, wish.written, installed, projectDir), ...extra });
}

function data(source: string, required: string, installed: string, projectDir: string): FindingData {
  return { runtime: 'node', source, required, installed, fixCwd: projectDir };
}
