import assert from 'node:assert/strict';
import { stack } from './helpers';
import { linesOf, useGenerator } from './generate';

const py = (frameworks: string[] = [], managers = ['pip']) => stack(['python'], frameworks, managers);
const MANAGE = (settings: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${settings}")\n`;

describe('Dockerfile: Python', () => {
  const generate = useGenerator();

  describe('bad input first', () => {
    it('nothing to install from: installs nothing, says so, runs main.py', async () => {
      const r = await generate({ 'main.py': 'print(1)\n' }, py([], []));
      assert.equal(r.template, 'python');
      assert.equal(r.port, undefined);
      assert.ok(r.notes.some((n) => /No requirements\.txt or pyproject\.toml/.test(n)));
      assert.ok(linesOf(r.dockerfile).includes('CMD ["python", "main.py"]'));
    });

    it('Django without a readable manage.py: a placeholder settings package, with a note', async () => {
      const r = await generate({ 'requirements.txt': 'django\ngunicorn\n', 'manage.py': Buffer.from([0, 1, 2]) }, py(['django']));
      assert.ok(linesOf(r.dockerfile).includes('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi:application"]'));
      assert.ok(r.notes.some((n) => /manage\.py contains binary data/.test(n)), r.notes.join('\n'));
      assert.ok(r.notes.some((n) => /settings module/.test(n)));
    });

    it('a pyproject.toml with an unreadable requires-python keeps the default version', async () => {
      const r = await generate({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = "latest"\n', 'main.py': '' }, py());
      assert.match(r.dockerfile, /^FROM python:3\.12-slim AS build$/m);
    });
  });

  it('Django on requirements.txt: gunicorn on 8000 with the settings package from manage.py', async () => {
    const r = await generate({ 'requirements.txt': 'Django==5.0\n', 'manage.py': MANAGE('shop.settings'), shop: { folder: true } }, py(['django']));
    assert.equal(r.template, 'python-django');
    assert.equal(r.port, 8000);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('COPY requirements.txt ./'));
    assert.ok(lines.includes('RUN pip install -r requirements.txt'));
    assert.ok(lines.includes('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi:application"]'));
    assert.ok(r.notes.some((n) => /runs gunicorn, which the project does not list/.test(n)));
  });

  it('Django with split settings (config.settings.production)', async () => {
    const r = await generate({ 'requirements.txt': 'django\ngunicorn\n', 'manage.py': MANAGE('config.settings.production') }, py(['django']));
    assert.ok(linesOf(r.dockerfile).includes('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi:application"]'));
    assert.ok(!r.notes.some((n) => /gunicorn/.test(n)));
  });

  it('FastAPI with Poetry: poetry installs into the venv; uvicorn runs the app object it finds', async () => {
    const r = await generate({
      'pyproject.toml': '[tool.poetry]\nname = "api"\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "*"\nuvicorn = "*"\n', 'poetry.lock': '',
      'app/__init__.py': '', 'app/main.py': 'from fastapi import FastAPI\n\napi = FastAPI(title="x")\n',
    }, py(['fastapi'], ['poetry']));
    assert.equal(r.template, 'python-fastapi');
    assert.equal(r.port, 8000);
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('COPY pyproject.toml poetry.lock ./'));
    assert.ok(lines.includes('RUN poetry config virtualenvs.create false && poetry install --only main --no-root --no-interaction'));
    assert.ok(lines.includes('CMD ["uvicorn", "app.main:api", "--host", "0.0.0.0", "--port", "8000"]'));
  });

  it('FastAPI in main.py at the root', async () => {
    const r = await generate({ 'requirements.txt': 'fastapi\nuvicorn[standard]\n', 'main.py': 'app = FastAPI()\n' }, py(['fastapi']));
    assert.ok(linesOf(r.dockerfile).includes('CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]'));
    assert.ok(!r.notes.some((n) => /uvicorn/.test(n)), r.notes.join('\n'));
  });

  it('Flask with an app factory, on uv: gunicorn on 5000 calls create_app()', async () => {
    const r = await generate({
      'pyproject.toml': '[project]\nname = "web"\nrequires-python = "<3.13,>=3.9"\ndependencies = ["flask", "gunicorn"]\n', 'uv.lock': '',
      'app/__init__.py': 'from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n',
    }, py(['flask'], ['uv']));
    assert.equal(r.template, 'python-flask');
    assert.equal(r.port, 5000);
    const lines = linesOf(r.dockerfile);
    assert.equal(lines[0], 'FROM python:3.12-slim AS build');
    assert.ok(lines.includes('RUN uv sync --frozen --no-dev --no-install-project'));
    assert.ok(lines.includes('CMD ["gunicorn", "--bind", "0.0.0.0:5000", "app:create_app()"]'));
  });

  it('Pipenv: installs what Pipfile.lock pins', async () => {
    const r = await generate({ Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{}', 'app.py': 'app = Flask(__name__)\n' }, py(['flask'], ['pipenv']));
    const lines = linesOf(r.dockerfile);
    assert.ok(lines.includes('COPY Pipfile Pipfile.lock ./'));
    assert.ok(lines.some((l) => /pipenv requirements > requirements\.txt && pip install -r requirements\.txt/.test(l)), lines.join('\n'));
  });

  it('the Python version of .python-version wins', async () => {
    const r = await generate({ '.python-version': '3.11.4\n', 'requirements.txt': '', 'main.py': '' }, py());
    assert.match(r.dockerfile, /^FROM python:3\.11-slim AS build$/m);
    assert.match(r.dockerfile, /^FROM python:3\.11-slim AS runtime$/m);
  });
});
