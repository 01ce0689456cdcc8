import type { DetectContext } from '../../scanner/ecosystems/detector';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';
import { isPort } from './ports';
import type { Found } from './types';

/** The files `docker compose` reads by default, in the order it prefers them. */
export const COMPOSE_FILES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Services whose published port is the one a user opens, when several publish one. */
const FRONT_SERVICES = /^(?:web|app|frontend|front|site|ui|server|api)$/i;

/**
 * `docker compose up` when a compose file exists. The file is read only for the port; a compose file that does
 * not parse still gives the candidate (compose will say what is wrong), with a finding.
 */
export async function composeCandidates(ctx: DetectContext): Promise<Found[]> {
  const file = COMPOSE_FILES.find((n) => ctx.names.has(n));
  if (!file) return [];
  const services = asRecord((await ctx.yaml(file))?.services);
  const expectedPort = services ? publishedPort(services) : undefined;
  const command = 'docker compose up';
  return [{ id: 'compose', label: `${command} (${file})`, command, source: 'docker compose', kind: 'compose', ...(expectedPort ? { expectedPort } : {}) }];
}

function publishedPort(services: Record<string, unknown>): number | undefined {
  const names = Object.keys(services).sort((a, b) => Number(!FRONT_SERVICES.test(a)) - Number(!FRONT_SERVICES.test(b)));
  for (const name of names) {
    const ports = asRecord(services[name])?.ports;
    if (!Array.isArray(ports)) continue;
    for (const entry of ports) {
      const port = hostPort(entry);
      if (port !== undefined) return port;
    }
  }
  return undefined;
}

/**
 * The host side of one `ports` entry: `"8080:80"`, `"127.0.0.1:8080:80/tcp"`, `"${WEB_PORT:-8080}:80"`, or the long
 * syntax `{ target: 80, published: 8080 }`. A bare container port (`"80"`) is published on a random host port.
 */
export function hostPort(entry: unknown): number | undefined {
  if (isRecord(entry)) return toPort(entry.published);
  if (typeof entry !== 'string') return undefined;
  const spec = entry.replace(/\$\{[A-Za-z_]\w*:?-([^}]*)\}/g, '$1').replace(/\/(?:tcp|udp)$/, '');
  const parts = spec.split(':');
  if (parts.length < 2) return undefined;
  return toPort(parts[parts.length - 2]?.split('-')[0]);
}

function toPort(value: unknown): number | undefined {
  const port = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return isPort(port) ? port : undefined;
}
