import type { TemplateContext } from './templateKit';

export interface Served {
  template: string;
  port?: number;
  cmd: string;
  /** A server package the command needs that the project may not list. */
  server?: string;
}

/** How the app is served in production: a WSGI/ASGI server for the framework, else `python main.py`. */
export async function serve(ctx: TemplateContext): Promise<Served> {
  const frameworks = new Set(ctx.stack.frameworks);
  if (frameworks.has('django')) {
    const project = await djangoProject(ctx);
    return { template: 'python-django', port: 8000, server: 'gunicorn', cmd: `CMD ["gunicorn", "--bind", "0.0.0.0:8000", "${project}.wsgi:application"]` };
  }
  if (frameworks.has('fastapi')) {
    const app = await findApp(ctx, ['main.py', 'app.py', 'app/main.py', 'src/main.py', 'api/main.py'], 'FastAPI');
    return { template: 'python-fastapi', port: 8000, server: 'uvicorn', cmd: `CMD ["uvicorn", "${app}", "--host", "0.0.0.0", "--port", "8000"]` };
  }
  if (frameworks.has('flask')) {
    const app = await findApp(ctx, ['app.py', 'wsgi.py', 'main.py', 'app/__init__.py', 'src/app.py'], 'Flask');
    return { template: 'python-flask', port: 5000, server: 'gunicorn', cmd: `CMD ["gunicorn", "--bind", "0.0.0.0:5000", "${app}"]` };
  }
  const script = ['main.py', 'app.py', '__main__.py'].find((n) => ctx.names.has(n));
  if (!script) ctx.notes.push('No main.py or app.py: set CMD to how the project starts.');
  ctx.notes.push('No web framework detected: no port is exposed; add EXPOSE if the program serves one.');
  return { template: 'python', cmd: `CMD ["python", "${script ?? 'main.py'}"]` };
}

/** The package holding settings.py and wsgi.py, from manage.py (`shop.settings`, `config.settings.production`). */
async function djangoProject(ctx: TemplateContext): Promise<string> {
  const manage = await ctx.text('manage.py');
  const project = manage ? /["']([\w.]+?)\.settings(?:\.\w+)*["']/.exec(manage)?.[1] : undefined;
  if (project) return project;
  ctx.notes.push('Could not read the settings module from manage.py; replace `config` in the CMD with your project package.');
  return 'config';
}

/**
 * `module:object` for the server: the first candidate file that creates the app (`api = FastAPI(...)`) or has an
 * app factory (`def create_app(`, which gunicorn calls as `module:create_app()`).
 */
async function findApp(ctx: TemplateContext, candidates: readonly string[], constructor: string): Promise<string> {
  const created = new RegExp(`^(\\w+)\\s*(?::\\s*\\w+\\s*)?=\\s*${constructor}\\(`, 'm');
  for (const file of candidates) {
    const text = await ctx.text(file);
    if (text === undefined) continue;
    const module = file.replace(/\/__init__\.py$|\.py$/, '').replace(/\//g, '.');
    const name = created.exec(text)?.[1];
    if (name) return `${module}:${name}`;
    if (/^def create_app\(/m.test(text)) return `${module}:create_app()`;
  }
  const fallback = `${candidates[0]?.replace(/\.py$/, '') ?? 'main'}:app`;
  ctx.notes.push(`Could not find where the ${constructor} app is created; the CMD assumes ${fallback}.`);
  return fallback;
}
