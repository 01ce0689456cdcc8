import type { Project } from '../model';
import type { IndexPersistence } from '../scanner/projectIndex';
import { errorMessage } from './errors';
import { loadProjects, removeProjects, saveProjects, saveScan } from './projectsRepo';
import type { Store } from './store';

/**
 * The project index's view of the store. Saving is a side effect of scanning: a failed save (lock timeout,
 * disk full) must not fail the scan, and `remove` is called without awaiting it, where a rejection would be
 * unhandled and end the process. So saves never reject; failures go to the store's problem listener, and a
 * read-only store (its reason was told when it opened) is skipped quietly. `load` does reject: its caller
 * reports that.
 */
export function storePersistence(store: Store): IndexPersistence {
  const guarded = (what: string, save: () => Promise<unknown>) => async (): Promise<void> => {
    if (store.readOnlyReason !== undefined) return;
    try {
      await save();
    } catch (error) {
      store.reportProblem({ message: `Could not save ${what}: ${errorMessage(error)}` });
    }
  };
  return {
    load: () => loadProjects(store),
    saveScan: (projects: Project[], roots: string[]) => guarded('the scanned projects', () => saveScan(store, projects, roots))(),
    save: (projects: Project[]) => guarded('the updated projects', () => saveProjects(store, projects))(),
    remove: (paths: string[]) => guarded('the removal of projects', () => removeProjects(store, paths))(),
  };
}

/**
 * The same, for a store still opening: the server walks the roots while sql.js loads and the file is read,
 * and calls wait for the store. Without a store (it could not be opened) nothing is saved or loaded.
 */
export function deferredPersistence(storeReady: Promise<Store | null>): IndexPersistence {
  const ready = storeReady.then((store) => (store ? storePersistence(store) : null));
  return {
    load: async () => (await ready)?.load() ?? [],
    saveScan: async (projects, roots) => (await ready)?.saveScan(projects, roots),
    save: async (projects) => (await ready)?.save(projects),
    remove: async (paths) => (await ready)?.remove(paths),
  };
}
