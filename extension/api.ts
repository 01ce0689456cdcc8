import type { Project, ProjectRuntime } from '../language-server/model';
import type { ProjectNode } from './tree/nodes';

/** What `activate` returns: for other extensions and for the end-to-end tests that run inside VS Code. */
export interface OptimusApi {
  /** Resolves once the server has walked the roots for the first time. */
  whenReady(): Promise<void>;
  /** The projects the tree shows now. */
  projects(): Project[];
  /** Project nodes as the tree holds them; a command like `optimus.copyPath` accepts one. */
  projectNodes(): Promise<ProjectNode[]>;
  /** Projects that run now, as the status bar and the Runtime view show them. */
  runtime(): ProjectRuntime[];
}
