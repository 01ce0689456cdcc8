import os from 'node:os';
import path from 'node:path';

/** Where an engine's API may be reached. `source` says why this place was chosen, for messages. */
export type EngineEndpoint =
  | { kind: 'socket'; socketPath: string; source: 'DOCKER_HOST' | 'option' | 'default' }
  | { kind: 'tcp'; host: string; port: number; tls: boolean; source: 'DOCKER_HOST' | 'option' }
  | { kind: 'unsupported'; value: string; reason: string };

export interface EndpointSettings {
  /** A `unix://` or `tcp://` address; wins over the environment. */
  dockerHost?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  home?: string;
}

/**
 * The sockets looked at when DOCKER_HOST is not set, in order: Docker's (system, rootless, Docker Desktop's),
 * then podman's (rootless, then system).
 */
export function defaultSocketPaths(env: NodeJS.ProcessEnv, uid: number, home: string): string[] {
  const runtimeDir = env.XDG_RUNTIME_DIR || `/run/user/${uid}`;
  const paths = [
    '/var/run/docker.sock',
    path.join(runtimeDir, 'docker.sock'),
    path.join(home, '.docker', 'run', 'docker.sock'),
    path.join(runtimeDir, 'podman', 'podman.sock'),
    '/run/podman/podman.sock',
  ];
  return [...new Set(paths)];
}

/** Reads a DOCKER_HOST value. */
export function parseDockerHost(value: string, env: NodeJS.ProcessEnv, source: 'DOCKER_HOST' | 'option'): EngineEndpoint {
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length);
    if (socketPath === '') return { kind: 'unsupported', value, reason: 'it names no socket path' };
    return { kind: 'socket', socketPath, source };
  }
  if (value.startsWith('/')) return { kind: 'socket', socketPath: value, source };
  const withScheme = value.includes('://') ? value : `tcp://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { kind: 'unsupported', value, reason: 'it is not an address like unix:///var/run/docker.sock or tcp://host:2375' };
  }
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = url.protocol === 'https:' || env.DOCKER_TLS_VERIFY === '1' || url.port === '2376';
    return { kind: 'tcp', host: url.hostname, port: Number(url.port || (tls ? 2376 : 2375)), tls, source };
  }
  // ssh:// would pull ssh2 and its native add-ons into the server bundle; a tunnel (ssh -L) to tcp:// does the job.
  return { kind: 'unsupported', value, reason: `${url.protocol}// addresses are not supported; use unix:// or tcp:// (for ssh, forward the socket with ssh -L)` };
}

/**
 * The endpoints to try, in order: the one named by the option or DOCKER_HOST alone when set (a user who sets it
 * means it), else every default socket.
 */
export function candidateEndpoints(settings: EndpointSettings = {}): EngineEndpoint[] {
  const env = settings.env ?? process.env;
  if (settings.dockerHost) return [parseDockerHost(settings.dockerHost, env, 'option')];
  if (env.DOCKER_HOST) return [parseDockerHost(env.DOCKER_HOST, env, 'DOCKER_HOST')];
  const uid = settings.uid ?? process.getuid?.() ?? 0;
  const home = settings.home ?? os.homedir();
  return defaultSocketPaths(env, uid, home).map((socketPath) => ({ kind: 'socket', socketPath, source: 'default' }));
}

export function describeEndpoint(endpoint: EngineEndpoint): string {
  switch (endpoint.kind) {
    case 'socket':
      return endpoint.socketPath;
    case 'tcp':
      return `${endpoint.tls ? 'https' : 'tcp'}://${endpoint.host}:${endpoint.port}`;
    case 'unsupported':
      return endpoint.value;
  }
}
