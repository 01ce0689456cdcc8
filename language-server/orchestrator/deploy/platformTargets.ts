import path from 'node:path';
import { asString, isRecord, readJsonObject, readText, readToml, readYaml } from './readProjectFile';
import type { DeployTarget } from './types';

/**
 * Hosting platforms whose config file sits in the project. Each reads its file for what to show and keeps its
 * command when the file is malformed: the platform's CLI reports the exact problem better than we could.
 */
export async function flyTarget(dir: string): Promise<DeployTarget> {
  const read = await readToml(dir, 'fly.toml');
  const app = read.ok ? asString(read.value.app) : undefined;
  const region = read.ok ? asString(read.value.primary_region) : undefined;
  const notes = read.ok ? [app ? `app: ${app}` : 'no app name set (fly launch sets one)', ...(region ? [`primary region: ${region}`] : [])] : [read.note];
  return { kind: 'fly', file: path.join(dir, 'fly.toml'), label: app ? `Fly.io app ${app}` : 'Fly.io', suggestedCommand: 'fly deploy', notes };
}

/** A `.vercel` folder (left by `vercel link`) says the project is linked even without a vercel.json. */
export async function vercelTarget(dir: string, names: ReadonlySet<string>): Promise<DeployTarget> {
  const hasFile = names.has('vercel.json');
  const base = { kind: 'vercel', file: path.join(dir, hasFile ? 'vercel.json' : '.vercel'), label: 'Vercel', suggestedCommand: 'vercel --prod' } as const;
  if (!hasFile) return { ...base, notes: ['linked with `vercel link` (.vercel folder), no vercel.json'] };
  const read = await readJsonObject(dir, 'vercel.json');
  if (!read.ok) return { ...base, notes: [read.note] };
  const framework = asString(read.value.framework);
  return { ...base, notes: framework ? [`framework: ${framework}`] : [] };
}

export async function netlifyTarget(dir: string): Promise<DeployTarget> {
  const read = await readToml(dir, 'netlify.toml');
  const build = read.ok && isRecord(read.value.build) ? read.value.build : {};
  const command = asString(build.command);
  const publish = asString(build.publish);
  const notes = read.ok ? [command ? `build command: ${command}` : 'no build command', ...(publish ? [`publishes ${publish}`] : [])] : [read.note];
  return { kind: 'netlify', file: path.join(dir, 'netlify.toml'), label: 'Netlify', suggestedCommand: 'netlify deploy --prod', notes };
}

export async function railwayTarget(dir: string, name: 'railway.json' | 'railway.toml'): Promise<DeployTarget> {
  const read = name === 'railway.json' ? await readJsonObject(dir, name) : await readToml(dir, name);
  const deploy = read.ok && isRecord(read.value.deploy) ? read.value.deploy : {};
  const start = asString(deploy.startCommand);
  const notes = read.ok ? (start ? [`start command: ${start}`] : []) : [read.note];
  return { kind: 'railway', file: path.join(dir, name), label: 'Railway', suggestedCommand: 'railway up', notes };
}

/** Render deploys the connected repository itself, so there is no command, only what the blueprint defines. */
export async function renderTarget(dir: string, name: 'render.yaml' | 'render.yml'): Promise<DeployTarget> {
  const read = await readYaml(dir, name);
  const services = read.ok && isRecord(read.value) && Array.isArray(read.value.services) ? read.value.services : [];
  const described = services.filter(isRecord).map((s) => `${asString(s.name) ?? '(unnamed)'} (${asString(s.type) ?? 'service'})`);
  const notes = read.ok ? (described.length ? [`services: ${described.join(', ')}`] : ['no services defined']) : [read.note];
  return { kind: 'render', file: path.join(dir, name), label: 'Render Blueprint', notes: [...notes, 'Render deploys the connected repository on push'] };
}

/** Heroku-style: deploying is a git push to the platform, so there is no command to suggest, only what it runs. */
export async function procfileTarget(dir: string): Promise<DeployTarget> {
  const read = await readText(dir, 'Procfile');
  const processes = read.ok ? read.value.split('\n').map((l) => /^([\w-]+):\s*(.+)$/.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null) : [];
  const notes = read.ok ? (processes.length ? processes.map((m) => `${m[1]}: ${m[2]}`) : ['no process types (lines like `web: <command>`)']) : [read.note];
  return { kind: 'procfile', file: path.join(dir, 'Procfile'), label: 'Procfile (Heroku-style platforms)', notes: [...notes, 'deploys with a git push to the platform'] };
}
