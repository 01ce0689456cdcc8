import { errorMessage } from './errors';
import { Store } from './store';
import { resolveStorePath } from './storePath';

/**
 * Opens the store for the server or the CLI: `file` is the `--db` value or the path the extension chose,
 * undefined for the default. Everything worth telling the user (a damaged file moved aside, read-only because
 * a newer Optimus wrote it, problems while running) goes to `onMessage`. Never throws: without a store the
 * caller still works, it just remembers nothing, so null is returned instead.
 */
export async function openStore(file: string | undefined, onMessage: (message: string) => void): Promise<Store | null> {
  const target = resolveStorePath({ file });
  try {
    const { store, recovered } = await Store.open(target, { onProblem: (problem) => onMessage(problem.message) });
    if (recovered) onMessage(recovered.reason);
    if (store.readOnlyReason) onMessage(store.readOnlyReason);
    return store;
  } catch (error) {
    onMessage(`Cannot open the Optimus database ${target}: ${errorMessage(error)}. Continuing without saving anything.`);
    return null;
  }
}
