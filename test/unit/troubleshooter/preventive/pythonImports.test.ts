import assert from 'node:assert/strict';
import path from 'node:path';
import { checkImports } from '../../../../language-server/troubleshooter/preventive/checkImports';
import { pythonImports } from '../../../../language-server/troubleshooter/preventive/pythonImports';
import { openDoc, places, useProject, writeFiles } from './helpers';

describe('preventive imports: Python', () => {
  const dir = useProject('py');

  it('reads import statements, not look-alikes in strings and comments', () => {
    const text = [
      'import os, requests as r', 'from flask import Flask', '"""', 'import not_this', '"""', '# import nor_this',
      "s = 'import nor_that'", 'from . import sibling', 'from .pkg import thing', 'import a.b.c; import d',
      'try:', '    import ujson as json', 'except ImportError:', '    import json', 'if TYPE_CHECKING:', '    from mypy_boto3 import S3',
      'def f():', '    import lazy_one', 'x = (', 'import_me)',
    ].join('\n');
    const found = pythonImports(text).map((i) => `${i.module}${i.guarded ? ' (guarded)' : ''}`);
    assert.deepEqual(found, ['os', 'requests', 'flask', 'a.b.c', 'd', 'ujson (guarded)', 'json (guarded)', 'mypy_boto3 (guarded)', 'lazy_one']);
  });

  it('an import no requirements file declares: a warning at the module name, with pip and the requirements file', async () => {
    await writeFiles(dir(), { 'requirements.txt': 'Flask==3.0.0\nPyYAML>=6  # config\n' });
    const doc = await openDoc(dir(), 'app.py', 'import os\nimport yaml\nfrom flask import Flask\nimport requests\n');
    const findings = await checkImports(doc, dir());
    assert.deepEqual(places(findings), ['4:8 preventive/undeclared-package']);
    assert.equal(findings[0]?.severity, 'warning');
    assert.deepEqual(findings[0]?.data, {
      fixCommand: 'pip install requests', fixCwd: dir(), dependency: 'requests', version: 'latest', fixEdit: 'add-dependency', manifest: path.join(dir(), 'requirements.txt'),
    });
  });

  it('import names that differ from distribution names, and namespace packages', async () => {
    await writeFiles(dir(), { 'requirements.txt': 'pillow\nopencv-python-headless\nscikit-learn\npython-dotenv\ngoogle-cloud-storage\nbeautifulsoup4\npsycopg2-binary\n' });
    const doc = await openDoc(dir(), 'app.py', 'from PIL import Image\nimport cv2\nfrom sklearn import svm\nfrom dotenv import load_dotenv\nfrom google.cloud import storage\nfrom bs4 import BeautifulSoup\nimport psycopg2\nimport jwt\n');
    const findings = await checkImports(doc, dir());
    assert.deepEqual(places(findings), ['8:8 preventive/undeclared-package']);
    assert.equal(findings[0]?.data?.fixCommand, 'pip install pyjwt');
  });

  it('stdlib, local modules and the project itself are not dependencies', async () => {
    await writeFiles(dir(), {
      'pyproject.toml': '[project]\nname = "my-app"\ndependencies = ["httpx>=0.27"]\n',
      'src/my_app/__init__.py': '', 'utils.py': '', 'pkg/helpers/__init__.py': '', 'pkg/siblings.py': '',
    });
    const doc = await openDoc(dir(), 'pkg/main.py', 'import sys, json, asyncio, tomllib, __future__\nimport httpx\nimport my_app\nimport utils\nimport helpers\nimport siblings\nimport numpy\n');
    const findings = await checkImports(doc, dir());
    assert.deepEqual(places(findings), ['7:8 preventive/undeclared-package']);
    // a PEP 621 project without a lockfile or tool table installs with pip, and has no requirements file to edit
    assert.deepEqual([findings[0]?.data?.fixCommand, findings[0]?.data?.fixEdit], ['pip install numpy', undefined]);
  });

  it('Poetry, uv, Pipfile and requirements/ folders, with their own add commands', async () => {
    await writeFiles(dir(), { 'pyproject.toml': '[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.10"\nfastapi = "^0.110"\n[tool.poetry.group.dev.dependencies]\npytest = "*"\n' });
    const doc = await openDoc(dir(), 'svc.py', 'import fastapi\nimport pytest\nimport uvicorn\n');
    assert.deepEqual((await checkImports(doc, dir())).map((f) => f.data?.fixCommand), ['poetry add uvicorn']);
    await writeFiles(dir(), { 'uv.lock': '' });
    assert.deepEqual((await checkImports(doc, dir())).map((f) => f.data?.fixCommand), ['uv add uvicorn']);
  });

  it('Pipfile packages, and requirement files that include others', async () => {
    await writeFiles(dir(), { Pipfile: '[packages]\ndjango = "*"\n[dev-packages]\nblack = "*"\n' });
    const doc = await openDoc(dir(), 'manage.py', 'import django\nimport black\nimport celery\n');
    assert.deepEqual((await checkImports(doc, dir())).map((f) => f.data?.fixCommand), ['pipenv install celery']);
    await writeFiles(dir(), { 'requirements/base.txt': 'celery[redis]==5.3\n', 'requirements/prod.txt': '-r base.txt\ngunicorn\n' });
    assert.deepEqual(await checkImports(doc, dir()), []);
  });

  it('a project with no Python manifest at all is not judged', async () => {
    const doc = await openDoc(dir(), 'script.py', 'import requests\n');
    assert.deepEqual(await checkImports(doc, dir()), []);
  });
});
