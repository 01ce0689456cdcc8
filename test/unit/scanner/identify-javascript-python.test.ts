import assert from 'node:assert/strict';
import { depList, identifyTree, json, removeTrees } from './fixtures';

describe('identifyProject: JavaScript and TypeScript', () => {
  after(removeTrees);

  it('reads every dependency section of package.json with its kind', async () => {
    const id = await identifyTree({
      'package.json': json({
        name: 'web', packageManager: 'yarn@4.1.0',
        dependencies: { react: '^18.2.0', 'react-dom': '^18.2.0', next: '14.1.0' },
        devDependencies: { typescript: '~5.4.0', eslint: '^8' },
        peerDependencies: { react: '>=17' },
        optionalDependencies: { fsevents: '2.3.3' },
      }),
      'yarn.lock': '',
    });
    assert.deepEqual(id.stack, { languages: ['typescript'], frameworks: ['next', 'react'], packageManagers: ['yarn'] });
    assert.deepEqual(depList(id), [
      'react@^18.2.0:runtime', 'react-dom@^18.2.0:runtime', 'next@14.1.0:runtime', 'typescript@~5.4.0:dev',
      'eslint@^8:dev', 'react@>=17:peer', 'fsevents@2.3.3:optional',
    ]);
    assert.equal(id.dependencies.count, 6);
    assert.equal(id.dependencies.manifests[0]?.kind, 'package.json');
    assert.deepEqual(id.findings, []);
  });

  it('says javascript and npm when there is no TypeScript and no lockfile', async () => {
    const id = await identifyTree({ 'package.json': json({ dependencies: { express: '^4.18.2' } }) });
    assert.deepEqual(id.stack, { languages: ['javascript'], frameworks: ['express'], packageManagers: ['npm'] });
  });

  it('takes typescript from tsconfig.json alone', async () => {
    const id = await identifyTree({ 'package.json': '{}', 'tsconfig.json': '{}' });
    assert.deepEqual(id.stack.languages, ['typescript']);
  });

  it('takes the package manager from each lockfile', async () => {
    for (const [lock, manager] of [['package-lock.json', 'npm'], ['pnpm-lock.yaml', 'pnpm'], ['bun.lockb', 'bun'], ['bun.lock', 'bun'], ['yarn.lock', 'yarn']]) {
      const id = await identifyTree({ 'package.json': '{}', [lock as string]: '' });
      assert.deepEqual(id.stack.packageManagers, [manager], lock);
    }
  });

  it('prefers the packageManager field, and flags lockfiles of two managers without one', async () => {
    const declared = await identifyTree({ 'package.json': json({ packageManager: 'pnpm@9.0.0+sha512.abc' }), 'package-lock.json': '' });
    assert.deepEqual(declared.stack.packageManagers, ['pnpm']);
    assert.deepEqual(declared.findings, []);
    const both = await identifyTree({ 'package.json': '{}', 'package-lock.json': '', 'yarn.lock': '' });
    assert.deepEqual(both.stack.packageManagers, ['npm', 'yarn']);
    assert.equal(both.findings[0]?.code, 'stack/multiple-lockfiles');
    assert.match(both.findings[0]?.message ?? '', /package-lock\.json, yarn\.lock/);
  });

  it('reads Deno import maps from deno.jsonc', async () => {
    const id = await identifyTree({
      'deno.jsonc': '{\n  // tasks\n  "imports": {\n    "@std/assert": "jsr:@std/assert@^1.0.0",\n    "preact": "npm:preact@10.19.0",\n    "x/": "https://deno.land/x/",\n  },\n}\n',
    });
    assert.deepEqual(id.stack, { languages: ['typescript'], frameworks: [], packageManagers: ['deno'] });
    assert.deepEqual(depList(id), ['@std/assert@^1.0.0:runtime', 'preact@10.19.0:runtime']);
  });
});

describe('identifyProject: Python', () => {
  after(removeTrees);

  it('reads requirements files, telling dev ones by name and skipping options and comments', async () => {
    const id = await identifyTree({
      'requirements.txt': [
        '# web app', '-r base.txt', '--index-url https://pypi.org/simple', 'Django>=4.2,<5.0  # LTS',
        'requests[socks] == 2.31.0 ; python_version >= "3.8"', 'gunicorn', '-e .', 'git+https://github.com/x/y.git#egg=y',
        'psycopg2-binary==2.9.9 \\', '    --hash=sha256:abc', 'mypkg @ https://example.com/mypkg-1.0.whl',
      ].join('\n'),
      'requirements-dev.txt': 'pytest>=7\nblack==24.1.0\n',
    });
    assert.deepEqual(id.stack, { languages: ['python'], frameworks: ['django'], packageManagers: ['pip'] });
    assert.deepEqual(depList(id), [
      'pytest@>=7:dev', 'black@==24.1.0:dev',
      'Django@>=4.2,<5.0:runtime', 'requests@== 2.31.0:runtime', 'gunicorn@*:runtime', 'psycopg2-binary@==2.9.9:runtime',
      'mypkg@url:https://example.com/mypkg-1.0.whl:runtime',
    ]);
    assert.deepEqual(id.dependencies.manifests.map((m) => m.kind), ['requirements.txt', 'requirements.txt']);
  });

  it('reads PEP 621, optional dependencies, dependency groups and the build system from pyproject.toml', async () => {
    const id = await identifyTree({
      'pyproject.toml': [
        '[build-system]', 'requires = ["hatchling"]', 'build-backend = "hatchling.build"',
        '[project]', 'name = "api"', 'dependencies = ["fastapi>=0.110", "uvicorn[standard]"]',
        '[project.optional-dependencies]', 'postgres = ["asyncpg>=0.29"]',
        '[dependency-groups]', 'test = ["pytest>=8", {include-group = "lint"}]', 'lint = ["ruff"]',
        '[tool.uv]', 'dev-dependencies = ["mypy"]',
      ].join('\n'),
      'uv.lock': '',
    });
    assert.deepEqual(id.stack, { languages: ['python'], frameworks: ['fastapi'], packageManagers: ['hatch', 'uv'] });
    assert.deepEqual(depList(id), [
      'fastapi@>=0.110:runtime', 'uvicorn@*:runtime', 'asyncpg@>=0.29:optional', 'pytest@>=8:dev', 'ruff@*:dev',
      'mypy@*:dev', 'hatchling@*:build',
    ]);
  });

  it('reads Poetry dependencies, groups and optional packages, skipping python itself', async () => {
    const id = await identifyTree({
      'pyproject.toml': [
        '[tool.poetry]', 'name = "svc"',
        '[tool.poetry.dependencies]', 'python = "^3.11"', 'flask = "^3.0"', 'redis = { version = "^5.0", optional = true }',
        'shared = { path = "../shared", develop = true }',
        '[tool.poetry.group.dev.dependencies]', 'pytest = "^8.0"',
        '[tool.poetry.dev-dependencies]', 'black = "*"',
        '[build-system]', 'requires = ["poetry-core"]', 'build-backend = "poetry.core.masonry.api"',
      ].join('\n'),
    });
    assert.deepEqual(id.stack, { languages: ['python'], frameworks: ['flask'], packageManagers: ['poetry'] });
    assert.deepEqual(depList(id), [
      'flask@^3.0:runtime', 'redis@^5.0:optional', 'shared@path:../shared:runtime', 'black@*:dev', 'pytest@^8.0:dev', 'poetry-core@*:build',
    ]);
  });

  it('reads PDM dev dependencies and names pdm', async () => {
    const id = await identifyTree({
      'pyproject.toml': '[project]\ndependencies = ["streamlit"]\n[tool.pdm.dev-dependencies]\ntest = ["pytest"]\n',
    });
    assert.deepEqual(id.stack.packageManagers, ['pdm']);
    assert.deepEqual(depList(id), ['streamlit@*:runtime', 'pytest@*:dev']);
  });

  it('treats a bare PEP 621 project with setuptools as pip + setuptools', async () => {
    const id = await identifyTree({
      'pyproject.toml': '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n[project]\ndependencies = ["click"]\n',
    });
    assert.deepEqual(id.stack.packageManagers, ['pip', 'setuptools']);
  });

  it('reads Pipfile packages and dev-packages', async () => {
    const id = await identifyTree({
      Pipfile: '[[source]]\nurl = "https://pypi.org/simple"\n[packages]\nflask = "*"\nsqlalchemy = {version = ">=2.0", extras = ["asyncio"]}\n[dev-packages]\npytest = "==8.0.0"\n[requires]\npython_version = "3.12"\n',
    });
    assert.deepEqual(id.stack, { languages: ['python'], frameworks: ['flask'], packageManagers: ['pipenv'] });
    assert.deepEqual(depList(id), ['flask@*:runtime', 'sqlalchemy@>=2.0:runtime', 'pytest@==8.0.0:dev']);
  });

  it('reads the literal lists of setup.py and setup.cfg', async () => {
    const id = await identifyTree({
      'setup.py': 'from setuptools import setup\nsetup(\n    name="lib",\n    install_requires=[\n        "numpy>=1.24",\n        \'pandas\',\n    ],\n    extras_require={"plot": ["matplotlib>=3"], "dev": ["pytest"]},\n    tests_require=["tox"],\n)\n',
      'setup.cfg': '[metadata]\nname = lib\n[options]\ninstall_requires =\n    attrs>=23\n    click\n[options.extras_require]\nyaml = pyyaml>=6\n',
    });
    assert.deepEqual(id.stack, { languages: ['python'], frameworks: [], packageManagers: ['pip', 'setuptools'] });
    assert.deepEqual(depList(id), [
      'numpy@>=1.24:runtime', 'pandas@*:runtime', 'tox@*:dev', 'matplotlib@>=3:optional', 'pytest@*:optional',
      'attrs@>=23:runtime', 'click@*:runtime', 'pyyaml@>=6:optional',
    ]);
  });
});
