import path from 'node:path';
import { describe, isRecord, readText, readYaml } from './readProjectFile';
import { commandWith } from './shellArg';
import type { DeployTarget } from './types';

export const DOCKERFILE = /^(Dockerfile|Containerfile)$|\.(dockerfile|containerfile)$|^(Dockerfile|Containerfile)\.[\w.-]+$/i;
export const COMPOSE = /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/;
/** The files Compose reads without -f, in the order it looks for them: only the first one found is used. */
const DEFAULT_COMPOSE = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** Merged into the default file by Compose itself, so not a way to deploy on its own. */
const OVERRIDE = /^(docker-)?compose\.override\.ya?ml$/;
const PRODUCTION = /\.(prod|production|live)\./i;

/** Dockerfiles, the plain `Dockerfile` first: it is the one `docker build` uses without -f. */
export async function dockerfileTargets(dir: string, names: ReadonlySet<string>, image: string): Promise<DeployTarget[]> {
  const files = [...names].filter((n) => DOCKERFILE.test(n)).sort((a, b) => Number(b === 'Dockerfile') - Number(a === 'Dockerfile') || a.localeCompare(b));
  return Promise.all(files.map((name) => dockerfileTarget(dir, name, image)));
}

async function dockerfileTarget(dir: string, name: string, image: string): Promise<DeployTarget> {
  const command = commandWith(name, (arg) => `docker build${name === 'Dockerfile' ? '' : ` -f ${arg}`} -t ${image} .`);
  const read = await readText(dir, name);
  const notes = read.ok ? dockerfileNotes(read.value) : [read.note];
  return { kind: 'dockerfile', file: path.join(dir, name), label: `Docker image (${name})`, ...command, notes: [...notes, ...command.notes] };
}

/** What the image is built from and what it serves, so the user sees what `docker build` will make. */
function dockerfileNotes(text: string): string[] {
  const froms = [...text.matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/gim)].map((m) => m[1] ?? '');
  if (froms.length === 0) return ['no FROM line: this Dockerfile will not build'];
  const ports = [...text.matchAll(/^\s*EXPOSE\s+(.+)$/gim)].flatMap((m) => (m[1] ?? '').trim().split(/\s+/));
  const stages = froms.length > 1 ? ` (${froms.length} stages)` : '';
  return [`image from ${froms[froms.length - 1]}${stages}`, ...(ports.length ? [`exposes ${ports.join(', ')}`] : [])];
}

/**
 * Compose files: production ones first (the likely deploy), then the default one Compose picks by itself,
 * then the rest. Override files are merged into the default by Compose, so they are a note, not a target.
 */
export async function composeTargets(dir: string, names: ReadonlySet<string>): Promise<DeployTarget[]> {
  const files = [...names].filter((n) => COMPOSE.test(n));
  const chosen = DEFAULT_COMPOSE.find((n) => names.has(n));
  const overrides = chosen ? files.filter((n) => OVERRIDE.test(n)) : [];
  const rank = (n: string): number => (PRODUCTION.test(n) ? 0 : n === chosen ? 1 : 2);
  const targets = files.filter((n) => !overrides.includes(n)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Promise.all(targets.map((name) => composeTarget(dir, name, name === chosen ? overrides : null)));
}

/** `overrides` is null for a file that needs -f (Compose merges override files only into the default one). */
async function composeTarget(dir: string, name: string, overrides: readonly string[] | null): Promise<DeployTarget> {
  const read = await readYaml(dir, name);
  const notes = read.ok ? servicesNotes(read.value) : [read.note];
  const merged = (overrides ?? []).map((o) => `${o} is merged in by Compose`);
  const flag = overrides === null ? ` -f ${name}` : '';
  return { kind: 'compose', file: path.join(dir, name), label: `Docker Compose (${name})`, suggestedCommand: `docker compose${flag} up -d --build`, notes: [...notes, ...merged] };
}

function servicesNotes(doc: unknown): string[] {
  const services = isRecord(doc) ? doc.services : undefined;
  if (services === undefined || services === null) return ['no services defined'];
  if (!isRecord(services)) return [`"services" should be a mapping of service names, but is ${describe(services)}`];
  const list = Object.keys(services);
  return list.length ? [`services: ${list.join(', ')}`] : ['no services defined'];
}
