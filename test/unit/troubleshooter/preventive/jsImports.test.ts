import assert from 'node:assert/strict';
import { cp, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkImports } from '../../../../language-server/troubleshooter/preventive/checkImports';
import { installed, npm, openDoc, places, rules, useProject, writeFiles } from './helpers';

describe('preventive imports: JavaScript and TypeScript', () => {
  const dir = useProject('js');

  describe('with a real npm install', () => {
    let installedProject = '';
    before(async function () {
      this.timeout(120_000);
      installedProject = await realpath(await mkdtemp(path.join(os.tmpdir(), 'optimus-prev-npm-')));
      await writeFiles(installedProject, { 'package.json': { name: 'real', version: '1.0.0', dependencies: { 'is-number': '^7.0.0' } } });
      await npm(installedProject, 'install');
    });
    after(async () => {
      await rm(installedProject, { recursive: true, force: true });
    });

    it('an installed, declared package is fine; after node_modules is gone it is missing', async () => {
      await cp(installedProject, dir(), { recursive: true });
      const doc = await openDoc(dir(), 'src/index.js', "const isNumber = require('is-number');\nmodule.exports = isNumber;\n");
      assert.deepEqual(await checkImports(doc, dir()), []);
      await rm(path.join(dir(), 'node_modules'), { recursive: true });
      const [finding] = await checkImports(doc, dir());
      assert.equal(finding?.ruleId, 'preventive/missing-package');
      assert.equal(finding?.severity, 'error');
      assert.deepEqual([finding?.line, finding?.column, finding?.endLine, finding?.endColumn], [1, 26, 1, 37]);
      assert.deepEqual(finding?.data, {
        fixCommand: 'npm install', fixCwd: dir(), dependency: 'is-number', range: '^7.0.0', section: 'dependencies', manifest: path.join(dir(), 'package.json'),
      });
      assert.match(finding?.message ?? '', /"is-number" is declared in \.\.\/package\.json but not installed/);
    });
  });

  it('an undeclared import that something else installed: a warning with the installed version', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { express: '^4' } }, ...installed('express', '4.19.2'), ...installed('debug', '2.6.9') });
    const doc = await openDoc(dir(), 'server.ts', "import express from 'express';\nimport createDebug from 'debug';\n");
    const [finding, ...rest] = await checkImports(doc, dir());
    assert.equal(rest.length, 0);
    assert.equal(finding?.ruleId, 'preventive/undeclared-package');
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.line, 2);
    assert.deepEqual(finding?.data, {
      fixCommand: 'npm install debug@2.6.9', fixCwd: dir(), fixEdit: 'add-dependency', dependency: 'debug', version: '2.6.9',
      section: 'dependencies', manifest: path.join(dir(), 'package.json'),
    });
  });

  it('an undeclared import that is not installed: an error, and the fix adds latest with the project\'s client', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' }, 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
    const doc = await openDoc(dir(), 'src/util.ts', "export { default as pad } from 'left-pad';\nconst lazy = () => import('@scope/tool/sub');\n");
    const findings = await checkImports(doc, dir());
    assert.deepEqual(places(findings), ['1:32 preventive/undeclared-package', '2:27 preventive/undeclared-package']);
    assert.deepEqual(findings.map((f) => [f.severity, f.data?.fixCommand, f.data?.version]), [
      ['error', 'pnpm add left-pad', 'latest'], ['error', 'pnpm add @scope/tool', 'latest'],
    ]);
  });

  it('test files and type-only imports are added as devDependencies; yarn and bun say so their way', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' }, 'yarn.lock': '' });
    const test = await openDoc(dir(), 'test/app.test.ts', "import { expect } from 'chai';\n");
    assert.equal((await checkImports(test, dir()))[0]?.data?.fixCommand, 'yarn add -D chai');
    assert.equal((await checkImports(test, dir()))[0]?.data?.section, 'devDependencies');
    await writeFiles(dir(), { 'package.json': { name: 'app', packageManager: 'bun@1.1.0' } });
    const types = await openDoc(dir(), 'src/types.ts', "import type { Options } from 'some-lib';\n");
    const [finding] = await checkImports(types, dir());
    assert.deepEqual([finding?.severity, finding?.data?.fixCommand], ['warning', 'bun add -d some-lib']);
  });

  it('built-ins, paths, URLs, aliases, package imports, itself and workspace siblings are not packages', async () => {
    await writeFiles(dir(), {
      'package.json': { name: '@acme/web', imports: { '#db': './src/db.js' }, workspaces: ['packages/*'] },
      'packages/shared/package.json': { name: '@acme/shared' },
      'tsconfig.json': '{ // comments are fine\n "compilerOptions": { "baseUrl": "src", "paths": { "@app/*": ["src/app/*"], "config": ["src/config.ts"] } } }',
      'src/components/Button.tsx': 'export {}',
    });
    const text = [
      "import fs from 'fs';", "import { test } from 'node:test';", "import path from 'node:path';", "import { readFile } from 'fs/promises';",
      "import a from './a';", "import b from '../b';", "import c from '/abs/c';", "import d from 'https://esm.sh/d';",
      "import e from '@/lib/e';", "import f from '~/f';", "import g from '#db';", "import h from '@app/h';", "import i from 'config';",
      "import j from 'components/Button';", "import k from '@acme/web/sub';", "import l from '@acme/shared';", "import m from 'virtual:pwa';",
      "import n from '$lib/n';", "import o from 'style-loader!./o.css';", "const p = require(name);", "import q from 'npm:q@1';",
      "import r from 'components/Missing';",
    ].join('\n');
    const doc = await openDoc(dir(), 'src/app/page.tsx', text);
    // the last one is the control: baseUrl has no such file, so it is read as the package "components"
    assert.deepEqual(places(await checkImports(doc, dir())), ['22:15 preventive/undeclared-package']);
  });

  it('aliases a bundler or test runner config defines are not packages; other names in those configs still are', async () => {
    await writeFiles(dir(), {
      'package.json': { name: 'app', devDependencies: { vite: '^5' } }, ...installed('vite', '5.2.0'),
      'vite.config.ts': "export default { resolve: { alias: { '@components': '/src/components', utils: '/src/utils' } }, optimizeDeps: { include: ['left-pad'] } };\n",
      'jest.config.js': "module.exports = { moduleNameMapper: { '^~styles/(.*)$': '<rootDir>/styles/$1' } };\n",
    });
    const doc = await openDoc(dir(), 'src/a.ts', "import B from '@components/Button';\nimport u from 'utils/format';\nimport s from '~styles/x';\nimport p from 'left-pad';\n");
    assert.deepEqual(places(await checkImports(doc, dir())), ['4:15 preventive/undeclared-package']);
  });

  it('a type-only import is satisfied by declared or installed @types', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', devDependencies: { '@types/express-serve-static-core': '^4' } }, ...installed('@types/express-serve-static-core', '4.19.0') });
    const doc = await openDoc(dir(), 'a.ts', "import type { Request } from 'express-serve-static-core';\nimport { Response } from 'express-serve-static-core';\n");
    // the value import still needs the package itself at run time
    assert.deepEqual(places(await checkImports(doc, dir())), ['2:26 preventive/undeclared-package']);
  });

  it('a type-only import of an undeclared package whose @types are installed: a warning asking for the latest', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' }, ...installed('@types/qs', '6.9.0') });
    const [finding] = await checkImports(await openDoc(dir(), 'a.ts', "import type { ParsedQs } from 'qs';\n"), dir());
    assert.deepEqual([finding?.ruleId, finding?.severity, finding?.data?.version, finding?.data?.section], ['preventive/undeclared-package', 'warning', 'latest', 'devDependencies']);
  });

  it('a git dependency with a token in its URL: the token never reaches the finding', async () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { internal: `git+https://x-access-token:${token}@github.com/acme/internal.git` } } });
    const [finding] = await checkImports(await openDoc(dir(), 'a.js', "require('internal');\n"), dir());
    assert.equal(finding?.ruleId, 'preventive/missing-package');
    assert.equal(finding?.data?.range, 'git+https://***@github.com/acme/internal.git');
    assert.ok(!JSON.stringify(finding).includes(token));
  });

  it('peer and optional dependencies are not required to be installed', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'lib', peerDependencies: { react: '>=18' }, optionalDependencies: { fsevents: '^2' } } });
    const doc = await openDoc(dir(), 'index.js', "const React = require('react');\nlet fsevents; try { fsevents = require('fsevents'); } catch {}\n");
    assert.deepEqual(await checkImports(doc, dir()), []);
  });

  it('a monorepo member: root devDependencies count, hoisted installs are found, the nearest package.json decides', async () => {
    await writeFiles(dir(), {
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5' } },
      'packages/api/package.json': { name: '@m/api', dependencies: { zod: '^3' } },
      ...installed('zod', '3.23.0'), ...installed('typescript', '5.4.0'),
    });
    const member = path.join(dir(), 'packages', 'api');
    const doc = await openDoc(dir(), 'packages/api/src/index.ts', "import { z } from 'zod';\nimport ts from 'typescript';\nimport chalk from 'chalk';\n");
    assert.deepEqual(places(await checkImports(doc, member)), ['3:19 preventive/undeclared-package']);
  });

  it('Yarn Plug\'n\'Play: installs are not judged, declarations still are', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { lodash: '^4' } }, '.pnp.cjs': '' });
    const doc = await openDoc(dir(), 'a.js', "require('lodash'); require('left-pad');\n");
    const findings = await checkImports(doc, dir());
    assert.deepEqual(places(findings), ['1:28 preventive/undeclared-package']);
    assert.equal(findings[0]?.severity, 'error');
  });

  it('Deno projects and files outside any package.json are not judged', async () => {
    await writeFiles(dir(), { 'deno.json': '{}', 'package.json': { name: 'app' } });
    assert.deepEqual(await checkImports(await openDoc(dir(), 'main.ts', "import x from 'left-pad';"), dir()), []);
    await rm(path.join(dir(), 'deno.json'));
    await rm(path.join(dir(), 'package.json'));
    assert.deepEqual(await checkImports(await openDoc(dir(), 'main.ts', "import x from 'left-pad';"), dir()), []);
  });

  it('an import inside a comment or a string is not an import; require and `import x = require` are', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app' } });
    const text = "// import a from 'left-pad'\nconst s = \"require('left-pad')\";\n/* import('left-pad') */\nimport b = require('left-pad');\nconst c = require(`is-odd`);\n";
    assert.deepEqual(places(await checkImports(await openDoc(dir(), 'x.ts', text), dir())), ['4:20 preventive/undeclared-package', '5:19 preventive/undeclared-package']);
  });

  it('a package linked into node_modules (a symlink to a folder) counts as installed', async () => {
    await writeFiles(dir(), { 'package.json': { name: 'app', dependencies: { local: 'file:../local' } }, 'vendor/local/package.json': { name: 'local', version: '0.0.1' } });
    await writeFiles(dir(), { 'node_modules/.keep': '' });
    await symlink(path.join(dir(), 'vendor', 'local'), path.join(dir(), 'node_modules', 'local'));
    assert.deepEqual(rules(await checkImports(await openDoc(dir(), 'a.mjs', "import l from 'local';"), dir())), []);
  });
});
