import { serve } from './pythonServe';
import { dockerignore, lines, versionIn, type TemplateContext } from './templateKit';
import type { DockerfileResult } from './types';
import { pickVersion } from './versions';

const PYTHON_DEFAULT = '3.12';
const IGNORE = dockerignore('.venv', 'venv', '__pycache__', '*.pyc', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', 'dist', 'build', '*.egg-info');
/** The image's own interpreter: tools that only install (Poetry, Pipenv) go here and stay out of /opt/venv. */
const SYSTEM_PIP = '/usr/local/bin/python -m pip install';

/** Build stage installs into a virtualenv at /opt/venv; the runtime stage gets only that venv and the code. */
export async function pythonTemplate(ctx: TemplateContext): Promise<DockerfileResult> {
  const version = await pythonVersion(ctx);
  const install = installer(ctx);
  const served = await serve(ctx);
  if (served.server && !(await ctx.hasDependency(served.server))) ctx.notes.push(`The command runs ${served.server}, which the project does not list as a dependency: add it.`);
  const dockerfile = lines(
    `FROM python:${version}-slim AS build`,
    'ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1',
    'WORKDIR /app',
    'RUN python -m venv /opt/venv',
    'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH',
    ...install,
    '',
    `FROM python:${version}-slim AS runtime`,
    'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH',
    'RUN useradd --create-home --uid 10001 app',
    'WORKDIR /app',
    'COPY --from=build /opt/venv /opt/venv',
    'COPY --chown=app:app . .',
    served.template === 'python-django' && '# RUN python manage.py collectstatic --noinput   (when STATIC_ROOT is set)',
    'USER app',
    served.port !== undefined && `EXPOSE ${served.port}`,
    served.cmd,
  );
  return { template: served.template, dockerfile, dockerignore: IGNORE, ...(served.port ? { port: served.port } : {}), notes: ctx.notes };
}

/** `.python-version` wins; else what `requires-python` (or Poetry's `python`) allows, the default when it can. */
async function pythonVersion(ctx: TemplateContext): Promise<string> {
  const pinned = versionIn((await ctx.text('.python-version'))?.trim());
  if (pinned) return pinned;
  const pyproject = (await ctx.text('pyproject.toml')) ?? '';
  const spec = /^requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1] ?? /^python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
  return pickVersion(spec, PYTHON_DEFAULT);
}

/** The lockfile's tool when there is one (its pins are what was tested), else requirements.txt, else the project. */
function installer(ctx: TemplateContext): string[] {
  const managers = ctx.stack.packageManagers;
  if (managers.includes('uv') || ctx.names.has('uv.lock')) {
    return [
      'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv',
      'ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1',
      `COPY pyproject.toml ${ctx.names.has('uv.lock') ? 'uv.lock ' : ''}./`,
      `RUN uv sync ${ctx.names.has('uv.lock') ? '--frozen ' : ''}--no-dev --no-install-project`,
    ];
  }
  if (managers.includes('poetry') || ctx.names.has('poetry.lock')) {
    return [
      `RUN ${SYSTEM_PIP} poetry==1.8.5`,
      `COPY pyproject.toml ${ctx.names.has('poetry.lock') ? 'poetry.lock ' : ''}./`,
      '# Poetry installs into the active virtualenv (/opt/venv) instead of making its own.',
      'RUN poetry config virtualenvs.create false && poetry install --only main --no-root --no-interaction',
    ];
  }
  if (ctx.names.has('Pipfile') && !ctx.names.has('requirements.txt')) return pipenv(ctx);
  if (ctx.names.has('requirements.txt')) return ['COPY requirements.txt ./', 'RUN pip install -r requirements.txt'];
  if (ctx.names.has('pyproject.toml')) return ['COPY . .', 'RUN pip install .'];
  ctx.notes.push('No requirements.txt or pyproject.toml: the image installs nothing; add your dependencies.');
  return [];
}

/** Pipenv exports what it pins and pip installs that, so pipenv itself never reaches the runtime. */
function pipenv(ctx: TemplateContext): string[] {
  const locked = ctx.names.has('Pipfile.lock');
  if (!locked) ctx.notes.push('No Pipfile.lock: the build locks the dependencies itself, so versions may differ from yours; commit Pipfile.lock.');
  return [
    `COPY Pipfile ${locked ? 'Pipfile.lock ' : ''}./`,
    `RUN ${SYSTEM_PIP} pipenv && /usr/local/bin/python -m pipenv ${locked ? '' : 'lock && /usr/local/bin/python -m pipenv '}requirements > requirements.txt && pip install -r requirements.txt`,
  ];
}
