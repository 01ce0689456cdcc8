/** `preventive/runtime-version` for Python: .python-version, `requires-python` and Poetry's `python` constraint. */
import path from 'node:path';
import type { AnalyzerFinding } from '../../analyzer/types';
import { asString, at } from '../../scanner/ecosystems/values';
import { cachedParse } from './fileCache';
import { FIRST_LINE, preventiveFinding, type Span } from './finding';
import { satisfiesPep440, satisfiesPoetryPython } from './pep440';
import { readPyproject, tomlKeyLine, type Pyproject } from './pyproject';
import { matchesPythonWish, pythonVersionWishes } from './pythonVersionFile';
import { RULE, type FindingData } from './types';

const MAX_VERSION_FILE_BYTES = 4096;

export async function pythonRuntimeFindings(projectDir: string, installed: string): Promise<AnalyzerFinding[]> {
  const findings: AnalyzerFinding[] = [];
  const file = path.join(projectDir, '.python-version');
  const wishes = await cachedParse(file, 'python-version-file', MAX_VERSION_FILE_BYTES, pythonVersionWishes);
  if (wishes && !wishes.some((w) => matchesPythonWish(installed, w))) {
    const message = `.python-version asks for Python ${wishes.join(' or ')}, but python3 on PATH is ${installed}: run \`pyenv install --skip-existing\` in this folder, or \`uv python install\``;
    findings.push(preventiveFinding(RULE.runtimeVersion, 'warning', file, FIRST_LINE, message,
      { ...data('.python-version', wishes.join(' '), installed, projectDir), fixCommand: 'pyenv install --skip-existing' }));
  }
  const pyproject = await readPyproject(projectDir);
  if (pyproject) findings.push(...pyprojectFindings(pyproject, installed, projectDir));
  return findings;
}

function pyprojectFindings(pyproject: Pyproject, installed: string, projectDir: string): AnalyzerFinding[] {
  const out: AnalyzerFinding[] = [];
  const requires = asString(at(pyproject.doc, 'project', 'requires-python'));
  if (requires && satisfiesPep440(installed, requires) === false) {
    out.push(pyprojectFinding(pyproject, ['project', 'requires-python'], 'requires-python', requires, installed, projectDir));
  }
  const poetry = asString(at(pyproject.doc, 'tool', 'poetry', 'dependencies', 'python'));
  if (poetry && satisfiesPoetryPython(installed, poetry) === false) {
    out.push(pyprojectFinding(pyproject, ['tool.poetry.dependencies', 'python'], 'tool.poetry.dependencies.python', poetry, installed, projectDir));
  }
  return out;
}

function pyprojectFinding(pyproject: Pyproject, [table, key]: [string, string], source: string, required: string, installed: string, projectDir: string): AnalyzerFinding {
  const line = tomlKeyLine(pyproject.text, table, key);
  const at: Span = line === undefined ? FIRST_LINE : { line, column: 1 };
  const message = `pyproject.toml asks for Python ${required} (${source}), but python3 on PATH is ${installed}: installing the project with this Python fails`;
  return preventiveFinding(RULE.runtimeVersion, 'warning', pyproject.path, at, message, data(source, required, installed, projectDir));
}

function data(source: string, required: string, installed: string, projectDir: string): FindingData {
  return { runtime: 'python', source, required, installed, fixCwd: projectDir };
}
