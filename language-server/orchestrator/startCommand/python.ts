import type { DetectContext } from '../../scanner/ecosystems/detector';
import { isFile } from './files';
import type { Found } from './types';

/** Files an ASGI/WSGI app is usually created in, best first; `app/main.py` is the FastAPI tutorial's layout. */
const APP_FILES: readonly string[] = ['main.py', 'app.py', 'server.py', 'api.py', 'application.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py'];

/** Virtual environments in the project, as `uv`, `poetry` (in-project) and `python -m venv` make them. */
const VENVS: readonly string[] = ['.venv', 'venv'];

/** `app = FastAPI(` / `application = Flask(__name__)`, with an optional module prefix or type annotation. */
const appAssignment = (factory: string): RegExp => new RegExp(`^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?${factory}\\(`, 'm');

interface PythonApp {
  file: string;
  variable: string;
}

/** Django, FastAPI and Flask dev servers, using the project's own virtual environment when it has one. */
export async function pythonCandidates(ctx: DetectContext): Promise<Found[]> {
  const python = await venvPython(ctx);
  const out: Found[] = [];
  if (ctx.names.has('manage.py')) out.push(django(python));
  const fastapi = await findApp(ctx, 'FastAPI');
  if (fastapi) out.push(uvicorn(python, fastapi));
  const flaskApp = await findApp(ctx, 'Flask');
  if (flaskApp) out.push(flask(python, flaskApp));
  return out;
}

/** A relative path, so the command stays right if the folder moves and reads the way a user would type it. */
async function venvPython(ctx: DetectContext): Promise<string | undefined> {
  for (const venv of VENVS.filter((v) => ctx.names.has(v))) {
    if (await isFile(ctx.path(`${venv}/bin/python`))) return `${venv}/bin/python`;
    if (await isFile(ctx.path(`${venv}/Scripts/python.exe`))) return `${venv}\\Scripts\\python.exe`;
  }
  return undefined;
}

function django(python: string | undefined): Found {
  const command = `${python ?? 'python'} manage.py runserver`;
  return { id: 'django', label: command, command, source: 'django', kind: 'process', expectedPort: 8000 };
}

function uvicorn(python: string | undefined, app: PythonApp): Found {
  const target = `${moduleOf(app.file)}:${app.variable}`;
  const command = `${python ? `${python} -m uvicorn` : 'uvicorn'} ${target} --reload${app.file.startsWith('src/') ? ' --app-dir src' : ''}`;
  return { id: 'fastapi', label: command, command, source: 'fastapi', kind: 'process', expectedPort: 8000 };
}

/** `--app app` is enough when the variable is `app`; otherwise Flask needs `module:variable`. */
function flask(python: string | undefined, app: PythonApp): Found {
  const module = moduleOf(app.file);
  const target = app.variable === 'app' ? module : `${module}:${app.variable}`;
  const command = `${python ? `${python} -m flask` : 'flask'} --app ${target} run`;
  return { id: 'flask', label: command, command, source: 'flask', kind: 'process', expectedPort: 5000 };
}

function moduleOf(file: string): string {
  const withoutSrc = file.startsWith('src/') ? file.slice('src/'.length) : file;
  return withoutSrc.replace(/\.py$/, '').split('/').join('.');
}

async function findApp(ctx: DetectContext, factory: 'FastAPI' | 'Flask'): Promise<PythonApp | undefined> {
  const pattern = appAssignment(factory);
  for (const file of APP_FILES) {
    const top = file.split('/')[0] ?? file;
    if (!ctx.names.has(top)) continue;
    const text = await ctx.text(file, true);
    const variable = text === undefined ? undefined : pattern.exec(text)?.[1];
    if (variable) return { file, variable };
  }
  return undefined;
}
