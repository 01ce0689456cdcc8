import assert from 'node:assert/strict';
import path from 'node:path';
import { checkRuntimeVersions } from '../../../../language-server/troubleshooter/preventive/checkRuntimeVersions';
import { installedRuntimeVersions } from '../../../../language-server/troubleshooter/preventive/installedRuntimes';
import { places, useProject, writeFiles } from './helpers';

describe('preventive runtime versions', () => {
  const dir = useProject('rt');

  it('engines.node that the installed node does not satisfy: a warning at the "node" key of engines', async () => {
    await writeFiles(dir(), { 'package.json': '{\n  "name": "app",\n  "node": "decoy",\n  "engines": {\n    "npm": ">=9",\n    "node": ">=20.9"\n  }\n}\n' });
    const findings = await checkRuntimeVersions(dir(), { node: '18.19.0' });
    assert.deepEqual(places(findings), ['6:5 preventive/runtime-version']);
    assert.equal(findings[0]?.path, path.join(dir(), 'package.json'));
    assert.deepEqual(findings[0]?.data, { runtime: 'node', source: 'engines', required: '>=20.9', installed: '18.19.0', fixCwd: dir() });
    assert.deepEqual(await checkRuntimeVersions(dir(), { node: '20.9.0' }), []);
    // the editor's unsaved text wins over the file
    assert.deepEqual(await checkRuntimeVersions(dir(), { node: '18.19.0' }, '{ "engines": { "node": ">=18" } }'), []);
  });

  it('.nvmrc at the precision written, with nvm aliases', async () => {
    const cases: [string, string, boolean][] = [
      ['20\n', '20.11.1', false], ['20\n', '22.1.0', true], ['v20.11.1\n', '20.11.1', false], ['v20.11.1\n', '20.12.0', true],
      ['lts/iron\n', '20.5.0', false], ['lts/iron\n', '22.5.0', true], ['lts/Jod\n', '22.1.0', false],
      ['lts/*\n', '18.20.0', true], ['lts/*\n', '24.1.0', false], ['lts/*\n', '26.0.0', false],
      ['node\n', '10.0.0', false], ['stable\n', '10.0.0', false], ['system\n', '10.0.0', false], ['lts/-1\n', '10.0.0', false], ['lts/unknownname\n', '10.0.0', false],
      ['# pinned for CI\n\n18.17\n', '18.17.1', false], ['>=18\n', '16.0.0', true],
    ];
    for (const [i, [text, installed, reported]] of cases.entries()) {
      // a folder per case: rewriting one file within a clock tick at the same size would look unchanged
      const project = path.join(dir(), String(i));
      await writeFiles(project, { '.nvmrc': text });
      const findings = await checkRuntimeVersions(project, { node: installed });
      assert.equal(findings.length, reported ? 1 : 0, `${JSON.stringify(text)} with ${installed}`);
      if (reported) assert.deepEqual([findings[0]?.line, findings[0]?.data?.fixCommand, findings[0]?.data?.source], [1, 'nvm install', '.nvmrc']);
    }
  });

  it('.node-version is read like .nvmrc, without an nvm command', async () => {
    await writeFiles(dir(), { '.node-version': '18.20.4\n' });
    const [finding] = await checkRuntimeVersions(dir(), { node: '20.0.0' });
    assert.equal(finding?.data?.source, '.node-version');
    assert.equal(finding?.data?.fixCommand, undefined);
  });

  it('.python-version, requires-python and Poetry\'s python', async () => {
    await writeFiles(dir(), {
      '.python-version': '3.12\n',
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12"\n\n[tool.poetry.dependencies]\npython = "^3.12"\n',
    });
    const findings = await checkRuntimeVersions(dir(), { python: '3.11.7' });
    assert.deepEqual(findings.map((f) => `${path.basename(f.path)}:${f.line} ${f.data?.source}`), [
      '.python-version:1 .python-version', 'pyproject.toml:3 requires-python', 'pyproject.toml:6 tool.poetry.dependencies.python',
    ]);
    assert.equal(findings[0]?.data?.fixCommand, 'pyenv install --skip-existing');
    assert.deepEqual(await checkRuntimeVersions(dir(), { python: '3.12.4' }), []);
    // node is not judged when the caller did not say which one is installed
    assert.deepEqual(await checkRuntimeVersions(dir(), {}), []);
  });

  it('.python-version with several versions passes when any matches; pypy or virtualenv names are not judged', async () => {
    await writeFiles(dir(), { '.python-version': '3.12.1\n3.11\n' });
    assert.deepEqual(await checkRuntimeVersions(dir(), { python: '3.11.9' }), []);
    await writeFiles(dir(), { '.python-version': 'pypy3.10-7.3.15\n' });
    assert.deepEqual(await checkRuntimeVersions(dir(), { python: '3.11.9' }), []);
  });

  it('asks node and python3 on PATH for their versions, once', async () => {
    const first = await installedRuntimeVersions(dir());
    assert.match(first.node ?? '', /^\d+\.\d+\.\d+$/);
    if (first.python !== undefined) assert.match(first.python, /^\d+\.\d+\.\d+$/);
    assert.equal(await installedRuntimeVersions(dir()), first);
  });
});
