/**
 * Every custom message between the extension (client) and the language server. Both sides import this module
 * and nothing else to talk to each other; the direction of each message is in its comment.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Project, ScanNote } from './model';

/** Settings the server pulls with `workspace/configuration` (section `optimus`). */
export interface OptimusSettings {
  roots: string[];
  scan: { ignore: string[]; maxDepth: number };
}

/** Passed once in `initializationOptions`. */
export interface InitOptions {
  /** The store file (the extension's global storage); the server falls back to $OPTIMUS_HOME/optimus.sqlite. */
  storePath?: string;
  /** False in untrusted workspaces: the server then only reads. */
  trusted: boolean;
}

/** Where the project list stands: loaded from the store, being scanned, or current. */
export type IndexState = 'starting' | 'stored' | 'scanning' | 'ready';

export interface ProjectList {
  projects: Project[];
  notes: ScanNote[];
  state: IndexState;
  /** The roots in effect (settings plus workspace folders), after `~` expansion. */
  roots: string[];
}

export namespace ListProjectsRequest {
  /** client → server: the whole current list. */
  export const method = 'optimus/listProjects';
  export const type = new RequestType0<ProjectList, void>(method);
}

export interface RescanParams {
  /** A project folder to rescan alone; all roots when absent. */
  path?: string;
}

export interface RescanResult {
  elapsedMs: number;
  projectCount: number;
}

export namespace RescanRequest {
  /** client → server: rescan everything or one project; answers once discovery and stacks are done. */
  export const method = 'optimus/rescan';
  export const type = new RequestType<RescanParams, RescanResult, void>(method);
}

export interface ProjectsChangedParams {
  /** Projects added or changed, whole. */
  updated: Project[];
  /** Paths of projects that are gone. */
  removed: string[];
  /** True when `updated` is the complete list and anything not in it is gone. */
  full: boolean;
  state: IndexState;
  notes: ScanNote[];
  roots: string[];
}

export namespace ProjectsChangedNotification {
  /** server → client: the project list changed. */
  export const method = 'optimus/projectsChanged';
  export const type = new NotificationType<ProjectsChangedParams>(method);
}

export interface ServerMessageParams {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export namespace ServerMessageNotification {
  /** server → client: something the user should read once (a recovered store, a missing root, a bad setting). */
  export const method = 'optimus/message';
  export const type = new NotificationType<ServerMessageParams>(method);
}
