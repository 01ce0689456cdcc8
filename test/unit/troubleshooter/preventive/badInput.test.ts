import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDevServerPort } from '../../../../language-server/troubleshooter/preventive/checkDevServerPort';
import { checkEnvKeys } from '../../../../language-server/troubleshooter/preventive/checkEnvKeys';
import { checkImports } from '../../../../language-server/troubleshooter/preventive/checkImports';
import { checkLockfileSync } from '../../../../language-server/troubleshooter/preventive/checkLockfileSync';
import { checkModuleKind } from '../../../../language-server/troubleshooter/preventive/checkModuleKind';
import { checkRuntimeVersions } from '../../../../language-server/troubleshooter/preventive/checkRuntimeVersions';
import { preventiveFindings } from '../../../../language-server/troubleshooter/preventive/preventiveFindings';
import type { PreventiveDoc } from '../../../../language-server/troubleshooter/preventive/types';
import { docAt, openDoc, rules, useProject, writeFiles } from './helpers';

describe('preventive checks: input that cannot be used gives no finding and no throw', () => {
  const dir = useProject('bad');

  async function documentChecks(doc: PreventiveDoc): Promise<string[]> {
    return rules([...await checkImports(doc, dir()), ...await checkEnvKeys(doc, dir()), ...await checkModuleKind(doc, dir())]);
  }

  it('a malformed package.json: nothing is judged from it', async () => {
    await writeFiles(dir(), {
      'package.json': '{ "name": "app", "type": "module", "dependencies": { "lodash": "^4" ',
      'package-lock.json': { lockfileVersion: 3, packages: { '': {} } },
      '.nvmrc': '99\n',
    });
    const doc = await openDoc(dir(), 'index.js', "const _ = require('lodash');\nimport x from 'left-pad';\n");
    assert.deepEqual(await documentChecks(doc), []);
    assert.deepEqual(await checkLockfileSync(dir()), []);
    assert.deepEqual(await checkDevServerPort(dir(), [{ port: 3000, pid: 1, command: 'node', projectPath: null }]), []);
    // the .nvmrc is still read: only package.json is broken
    assert.deepEqual(rules(await checkRuntimeVersions(dir(), { node: '20.11.1' })), ['preventive/runtime-version']);
  });

  it('a package.json that holds a list, a string or nothing', async () => {
    for (const text of ['[1, 2]', '"app"', '', 'null']) {
      await writeFiles(dir(), { 'package.json': text });
      const doc = docAt(dir(), 'a.js', "import x from 'left-pad';\n");
      assert.deepEqual(await documentChecks(doc), [], text);
      assert.deepEqual(await checkLockfileSync(dir(), text), [], text);
    }
  });

  it('a binary document and a huge one are not read', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: {} }, '.env.example': 'KEY=\n' });
    const binary = docAt(dir(), 'blob.js', "import a from 'left-pad';\0\0process.env.KEY");
    assert.deepEqual(await documentChecks(binary), []);
    const huge = docAt(dir(), 'bundle.js', `import a from 'left-pad';\n${'x = 1;\n'.repeat(200_000)}`);
    assert.deepEqual(await documentChecks(huge), []);
    const pyBinary = docAt(dir(), 'x.py', 'import requests\0');
    assert.deepEqual(await documentChecks(pyBinary), []);
  });

  it('a script nested too deep for the parser is skipped, not thrown', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', type: 'module' } });
    const doc = docAt(dir(), 'deep.js', `require('x');\n${'('.repeat(20_000)}1${')'.repeat(20_000)}`);
    await documentChecks(doc);
  });

  it('a symlink loop in node_modules: the install state is unknown, so nothing is claimed', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { lodash: '^4.0.0' } } });
    await mkdir(path.join(dir(), 'node_modules'), { recursive: true });
    await symlink('lodash', path.join(dir(), 'node_modules', 'lodash'));
    await symlink('b', path.join(dir(), 'node_modules', 'a'));
    await symlink('a', path.join(dir(), 'node_modules', 'b'));
    const doc = await openDoc(dir(), 'index.js', "const _ = require('lodash');\nconst a = require('a');\n");
    assert.deepEqual(await documentChecks(doc), []);
  });

  it('an .env that is a folder, a FIFO or binary: env keys are not judged', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' }, '.env.example': 'API_KEY=\n' });
    const doc = await openDoc(dir(), 'index.js', 'console.log(process.env.API_KEY);\n');
    assert.deepEqual(rules(await checkEnvKeys(doc, dir())), ['preventive/env-key-missing'], 'no .env at all is a finding');
    await mkdir(path.join(dir(), '.env'));
    assert.deepEqual(await checkEnvKeys(doc, dir()), []);
    await rmDir(path.join(dir(), '.env'));
    execFileSync('mkfifo', [path.join(dir(), '.env')]);
    assert.deepEqual(await checkEnvKeys(doc, dir()), []);
    await rmDir(path.join(dir(), '.env'));
    await writeFile(path.join(dir(), '.env'), Buffer.from([0x41, 0x3d, 0x00, 0x01]));
    assert.deepEqual(await checkEnvKeys(doc, dir()), []);
  });

  it('an .env that may not be read (permission denied)', async function () {
    if (process.getuid?.() === 0) this.skip();
    await writeFiles(dir(), { 'package.json': { name: 'app' }, '.env.example': 'API_KEY=\n', '.env': 'OTHER=1\n' });
    await chmod(path.join(dir(), '.env'), 0o000);
    const doc = await openDoc(dir(), 'index.js', 'console.log(process.env.API_KEY);\n');
    assert.deepEqual(await checkEnvKeys(doc, dir()), []);
  });

  it('lockfiles that are binary, cut short, not an object or a folder', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { 'is-number': '^7.0.0' } } });
    const lock = path.join(dir(), 'package-lock.json');
    for (const content of [Buffer.from([0x7b, 0, 0x7d]), '{ "lockfileVersion": 3, "packages": {', '[1]']) {
      await rmDir(lock);
      await writeFile(lock, content);
      assert.deepEqual(await checkLockfileSync(dir()), []);
    }
    await rmDir(lock);
    await mkdir(lock);
    assert.deepEqual(await checkLockfileSync(dir()), []);
  });

  it('version files that are binary or say nothing usable', async () => {
    await writeFiles(dir(), { '.nvmrc': Buffer.from([0, 1, 2]), '.python-version': 'system\n', 'pyproject.toml': '[project\nrequires-python = ">=3.99"' });
    assert.deepEqual(await checkRuntimeVersions(dir(), { node: '20.1.0', python: '3.11.4' }), []);
    assert.deepEqual(await checkRuntimeVersions(dir(), { node: 'not a version', python: '' }), []);
  });

  it('Python manifests that are malformed or include each other in a loop', async () => {
    await writeFiles(dir(), {
      'pyproject.toml': '[project\nname = ',
      'requirements.txt': '-r requirements-dev.txt\nrequests==2.31\n',
      'requirements-dev.txt': '-r requirements.txt\n-r ../../etc/passwd\npytest\n',
    });
    const doc = await openDoc(dir(), 'app.py', 'import requests\nimport pytest\nimport flask\n');
    assert.deepEqual(rules(await checkImports(doc, dir())), ['preventive/undeclared-package']);
  });

  it('a port table with nonsense rows, and documents outside the project', async () => {
    await writeFiles(dir(), { 'package.json': { scripts: { dev: 'vite --port 4444' } } });
    const rows = [{ port: Number.NaN, pid: -1, command: '', projectPath: '' }, { port: 4444, pid: 0, command: '"', projectPath: null }];
    assert.equal((await checkDevServerPort(dir(), rows)).length, 1);
    const outside = { path: path.join(path.dirname(dir()), 'elsewhere.js'), text: "import x from 'left-pad'", language: 'javascript' as const };
    assert.deepEqual(await preventiveFindings(outside, dir(), { installed: {}, listening: [] }), []);
  });
});

function rmDir(target: string): Promise<void> {
  return rm(target, { recursive: true, force: true });
}
