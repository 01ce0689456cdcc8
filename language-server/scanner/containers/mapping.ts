import path from 'node:path';
import type { ContainerInfo } from '../../model';
import { deepestProject } from '../projectPaths';

/** The fields of the engine's container list (`GET /containers/json`) that Optimus reads; all may be missing. */
export interface ContainerSummary {
  Id?: string;
  Names?: string[];
  Image?: string;
  State?: string;
  Ports?: Array<{ PublicPort?: number; PrivatePort?: number; Type?: string; IP?: string }>;
  Labels?: Record<string, string> | null;
  Mounts?: Array<{ Type?: string; Source?: string; Destination?: string }> | null;
}

export const COMPOSE_WORKING_DIR = 'com.docker.compose.project.working_dir';
export const COMPOSE_CONFIG_FILES = 'com.docker.compose.project.config_files';
export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';

function absolute(p: string | undefined): string | null {
  if (!p || !path.isAbsolute(p)) return null;
  return path.resolve(p);
}

// Docker Compose writes absolute config paths, podman-compose relative ones: both resolve against the working dir.
function composeFolders(labels: Record<string, string>): string[] {
  const workingDir = absolute(labels[COMPOSE_WORKING_DIR]);
  if (workingDir === null) return [];
  const configFolders = (labels[COMPOSE_CONFIG_FILES] ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .map((f) => path.dirname(path.resolve(workingDir, f)));
  return [workingDir, ...configFolders];
}

/**
 * The project a container belongs to: the one holding its compose working dir (or, when that is outside every
 * project, its compose files); else the deepest project holding one of its bind-mount sources.
 */
export function projectForContainer(summary: ContainerSummary, projectPaths: readonly string[]): string | null {
  for (const folder of composeFolders(summary.Labels ?? {})) {
    const project = deepestProject(folder, projectPaths);
    if (project !== null) return project;
  }
  let best: string | null = null;
  for (const mount of summary.Mounts ?? []) {
    const source = mount.Type === 'bind' ? absolute(mount.Source) : null;
    const project = source === null ? null : deepestProject(source, projectPaths);
    if (project !== null && (best === null || project.length > best.length)) best = project;
  }
  return best;
}

/** States in which a container's processes exist (and its published ports are bound). */
export const ACTIVE_STATES: ReadonlySet<string> = new Set(['running', 'paused', 'restarting']);

/**
 * Published host ports, once each: Docker lists a port twice when it is bound on IPv4 and IPv6. None for a
 * container that is not running: podman still lists the bindings it would make, but nothing listens on them.
 */
export function publishedPorts(summary: ContainerSummary): number[] {
  if (!ACTIVE_STATES.has(summary.State ?? '')) return [];
  const ports = new Set<number>();
  for (const port of summary.Ports ?? []) {
    if (typeof port.PublicPort === 'number' && port.PublicPort > 0) ports.add(port.PublicPort);
  }
  return [...ports].sort((a, b) => a - b);
}

export function containerName(summary: ContainerSummary): string {
  const name = summary.Names?.[0];
  if (name) return name.replace(/^\//, '');
  return (summary.Id ?? '').slice(0, 12);
}

export function toContainerInfo(summary: ContainerSummary, projectPaths: readonly string[]): ContainerInfo {
  const labels = summary.Labels ?? {};
  const info: ContainerInfo = {
    id: summary.Id ?? '',
    name: containerName(summary),
    image: summary.Image ?? '',
    state: summary.State ?? 'unknown',
    ports: publishedPorts(summary),
    projectPath: projectForContainer(summary, projectPaths),
  };
  if (labels[COMPOSE_PROJECT]) info.composeProject = labels[COMPOSE_PROJECT];
  if (labels[COMPOSE_SERVICE]) info.composeService = labels[COMPOSE_SERVICE];
  return info;
}

/** Containers sorted by project, then name, so consumers can compare two lists cheaply. */
export function toContainerInfos(summaries: readonly ContainerSummary[], projectPaths: readonly string[]): ContainerInfo[] {
  const normalised = projectPaths.map((p) => path.resolve(p));
  return summaries
    .filter((s) => typeof s.Id === 'string' && s.Id !== '')
    .map((s) => toContainerInfo(s, normalised))
    .sort((a, b) => (a.projectPath ?? '\uffff').localeCompare(b.projectPath ?? '\uffff') || a.name.localeCompare(b.name));
}
