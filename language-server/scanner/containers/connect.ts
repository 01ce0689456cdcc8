import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { seconds, withDeadline } from './deadline';
import { describeEndpoint } from './endpoint';
import type { EngineEndpoint } from './endpoint';
import { ContainerError, unreachableReason } from './errors';

export type ReachableEndpoint = Exclude<EngineEndpoint, { kind: 'unsupported' }>;

/** An engine that answered `/_ping`. */
export interface Connection {
  endpoint: ReachableEndpoint;
  /** The endpoint in words, for messages: a socket path or `tcp://host:port`. */
  where: string;
  docker: Docker;
}

export type ProbeResult = { ok: true; connection: Connection } | { ok: false; reason: string; missing: boolean };

// Every option is spelled out so DOCKER_HOST, which docker-modem reads by itself, cannot redirect an explicit socket.
export function dockerFor(endpoint: ReachableEndpoint, env: NodeJS.ProcessEnv): Docker {
  if (endpoint.kind === 'socket') {
    return new Docker({ socketPath: endpoint.socketPath, host: undefined, port: undefined, protocol: 'http' });
  }
  const options: Docker.DockerOptions = { socketPath: undefined, host: endpoint.host, port: endpoint.port, protocol: endpoint.tls ? 'https' : 'http' };
  if (endpoint.tls && env.DOCKER_CERT_PATH) {
    const read = (name: string) => readFileSync(path.join(env.DOCKER_CERT_PATH!, name));
    Object.assign(options, { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') });
  }
  return new Docker(options);
}

function missingReason(endpoint: Extract<EngineEndpoint, { kind: 'socket' }>): string {
  return endpoint.source === 'DOCKER_HOST'
    ? `DOCKER_HOST points at ${endpoint.socketPath}, which does not exist`
    : `${endpoint.socketPath} does not exist`;
}

async function checkSocketFile(endpoint: Extract<EngineEndpoint, { kind: 'socket' }>): Promise<ProbeResult | null> {
  try {
    const info = await stat(endpoint.socketPath);
    if (!info.isSocket()) return { ok: false, reason: `${endpoint.socketPath} is not a socket`, missing: false };
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: missingReason(endpoint), missing: true };
    return { ok: false, reason: unreachableReason(error, endpoint.socketPath), missing: false };
  }
}

type Pingable = { ping(options: { abortSignal: AbortSignal }): Promise<unknown> };

/** Pings `docker`; resolves when it answers like an engine, rejects with a ContainerError saying why not. */
export async function ping(docker: Docker, where: string, timeoutMs: number): Promise<void> {
  const timeout = () => new ContainerError('timeout', `the engine at ${where} did not answer within ${seconds(timeoutMs)}`);
  let answer: unknown;
  try {
    answer = await withDeadline(timeoutMs, (abortSignal) => (docker as unknown as Pingable).ping({ abortSignal }), timeout);
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError('unavailable', unreachableReason(error, where));
  }
  if (String(answer).trim() !== 'OK') {
    throw new ContainerError('unavailable', `${where} does not answer like a Docker-compatible engine (/_ping said ${JSON.stringify(String(answer).slice(0, 40))})`);
  }
}

/** Tries one endpoint: the socket file must exist and the engine must answer `/_ping` within `timeoutMs`. */
export async function probe(endpoint: EngineEndpoint, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  if (endpoint.kind === 'unsupported') return { ok: false, reason: `DOCKER_HOST=${endpoint.value}: ${endpoint.reason}`, missing: false };
  if (endpoint.kind === 'socket') {
    const bad = await checkSocketFile(endpoint);
    if (bad) return bad;
  }
  const where = describeEndpoint(endpoint);
  try {
    const docker = dockerFor(endpoint, env);
    await ping(docker, where, timeoutMs);
    return { ok: true, connection: { endpoint, where, docker } };
  } catch (error) {
    const reason = error instanceof ContainerError ? error.message : `cannot connect to ${where}: ${(error as Error).message}`;
    return { ok: false, reason, missing: false };
  }
}

/** The first endpoint that answers, or one sentence saying why none did (naming every place looked at). */
export async function connectFirst(endpoints: readonly EngineEndpoint[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  const failures: Array<Extract<ProbeResult, { ok: false }>> = [];
  for (const endpoint of endpoints) {
    const result = await probe(endpoint, timeoutMs, env);
    if (result.ok) return result;
    failures.push(result);
  }
  const present = failures.filter((f) => !f.missing);
  if (present.length > 0) return { ok: false, reason: present.map((f) => f.reason).join('; '), missing: false };
  if (failures.length === 1) return failures[0]!;
  const looked = endpoints.map(describeEndpoint).join(', ');
  return { ok: false, reason: `no Docker or Podman socket found (looked at ${looked}); start the engine or set DOCKER_HOST`, missing: true };
}
