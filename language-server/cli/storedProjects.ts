import type { Project } from '../model';
import { loadProjects } from '../store/projectsRepo';
import type { Store } from '../store/store';

/**
 * The projects of the last scan. A store that cannot be read means "no known projects", not a failed command:
 * the folder given on the command line is still known, and processes outside projects are still listed.
 */
export async function storedProjects(store: Store | null, onProblem?: (message: string) => void): Promise<Project[]> {
  if (!store) return [];
  try {
    return await loadProjects(store);
  } catch (error) {
    onProblem?.(`The saved projects cannot be read (${error instanceof Error ? error.message : String(error)}); run \`optimus scan\` again.`);
    return [];
  }
}

export async function storedProjectPaths(store: Store | null): Promise<string[]> {
  return (await storedProjects(store)).map((p) => p.path);
}
