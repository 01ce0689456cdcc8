import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../model';
import type { DeployPlan } from '../protocol';
import type { Store } from '../store/store';
import { runAction, type ActionContext } from './actionGate';
import { generateDockerfile } from './deploy/dockerfile';
import { resolveDeployCommand } from './deploy/resolveDeploy';
import type { DockerfileResult } from './deploy/types';
import { setDeployCommand } from './projectSettings';
import { unknownProject } from '../unknownProject';

export interface DeployServiceDeps {
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  project: (path: string) => Project | undefined;
}

/** The deployment assistant for the server: how a project deploys, the confirmed deploy, Dockerfile proposals. */
export class DeployService {
  constructor(private readonly deps: DeployServiceDeps) {}

  async plan(projectPath: string): Promise<DeployPlan> {
    this.known(projectPath);
    const resolved = await resolveDeployCommand(projectPath, undefined, await this.deps.store());
    return { path: projectPath, command: resolved.command, cwd: resolved.cwd, source: resolved.source, targets: resolved.targets, findings: resolved.findings };
  }

  /** Checks the confirmed command is still the plan's and audits the deploy; the client runs it in a terminal. */
  async deploy(projectPath: string, command: string): Promise<{ command: string; cwd: string }> {
    const plan = await this.plan(projectPath);
    const request = { action: 'deploy', target: projectPath, details: { command, cwd: plan.cwd, source: plan.source } };
    return runAction(this.deps.context(), request, async () => {
      if (plan.command !== command) throw new Error(`The deploy command is now "${plan.command ?? 'none'}", not the "${command}" you confirmed. Deploy again to confirm it.`);
      return { command, cwd: plan.cwd };
    });
  }

  async setCommand(projectPath: string, command: string | null): Promise<DeployPlan> {
    this.known(projectPath);
    const store = await this.deps.store();
    if (!store) throw new Error('The Optimus store could not be opened, so the command cannot be saved. See the Optimus log.');
    await runAction(this.deps.context(), { action: 'deploy.set-command', target: projectPath, details: { command } }, () => setDeployCommand(store, projectPath, command));
    return this.plan(projectPath);
  }

  dockerfile(projectPath: string): Promise<DockerfileResult> {
    const project = this.known(projectPath);
    return generateDockerfile(projectPath, project.stack, project.dependencies.manifests);
  }

  /** Writes what the user previewed; a file that exists by now is kept, never overwritten. */
  async writeDockerfile(projectPath: string, files: { dockerfile: string; dockerignore: string }): Promise<{ written: string[]; kept: string[] }> {
    this.known(projectPath);
    const request = { action: 'dockerfile.write', target: projectPath, details: { files: ['Dockerfile', '.dockerignore'] } };
    return runAction(this.deps.context(), request, async () => {
      const out = { written: [] as string[], kept: [] as string[] };
      for (const [name, text] of [['Dockerfile', files.dockerfile], ['.dockerignore', files.dockerignore]] as const) {
        (await writeNew(path.join(projectPath, name), text)) ? out.written.push(name) : out.kept.push(name);
      }
      if (out.written.length === 0) throw new Error('A Dockerfile and a .dockerignore exist already; nothing was written.');
      return out;
    });
  }

  private known(projectPath: string): Project {
    const project = this.deps.project(projectPath);
    if (!project) throw unknownProject(projectPath);
    return project;
  }
}

/** `wx`: created only when absent, checked by the file system itself at the moment of writing. */
async function writeNew(file: string, text: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
