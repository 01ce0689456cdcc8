import type { StartPlan } from '../protocol';
import { listAudit, type AuditRecord } from '../store/auditLog';
import type { Store } from '../store/store';
import { runAction, type ActionContext } from './actionGate';
import { envView, type EnvView } from './env/envView';
import { setEnvProfile, setStartCommand } from './projectSettings';
import { unknownProject } from '../unknownProject';

export interface ProjectServiceDeps {
  context: () => ActionContext;
  store: () => Promise<Store | null>;
  /** Whether the path is a project Optimus knows: nothing is read or saved for other folders. */
  isProject: (path: string) => boolean;
  plan: (path: string) => Promise<StartPlan | null>;
}

/** What a user sets per project (the .env profile, the start command) and the audit log, for the server. */
export class ProjectService {
  constructor(private readonly deps: ProjectServiceDeps) {}

  async env(path: string): Promise<EnvView> {
    this.known(path);
    return envView(path, { store: await this.deps.store() });
  }

  async setEnvProfile(path: string, profile: string | null): Promise<EnvView> {
    const store = await this.writable(path);
    await runAction(this.deps.context(), { action: 'env.select', target: path, details: { profile } }, () => setEnvProfile(store, path, profile));
    return envView(path, { store });
  }

  async setStartCommand(path: string, command: string | null): Promise<StartPlan | null> {
    const store = await this.writable(path);
    await runAction(this.deps.context(), { action: 'start.set-command', target: path, details: { command } }, () => setStartCommand(store, path, command));
    return this.deps.plan(path);
  }

  async auditLog(limit?: number): Promise<AuditRecord[]> {
    const store = await this.deps.store();
    return store ? listAudit(store, { limit }) : [];
  }

  private known(path: string): void {
    if (!this.deps.isProject(path)) throw unknownProject(path);
  }

  private async writable(path: string): Promise<Store> {
    this.known(path);
    const store = await this.deps.store();
    if (!store) throw new Error('The Optimus store could not be opened, so the choice cannot be saved. See the Optimus log.');
    return store;
  }
}
