import { Engine } from '../engine';
import type { ServerMessageParams } from '../protocol';

export interface HeadlessOptions {
  /** The `--db` file; undefined for $OPTIMUS_HOME/optimus.sqlite. */
  storePath: string | undefined;
  /** The folders to scan (absolute). */
  roots: readonly string[];
  onMessage: (message: ServerMessageParams) => void;
}

const nothing = (): void => undefined;

/**
 * The language server's engine without a client, for `optimus serve`: nothing to publish to and no open
 * documents, trusted (the user started it from a shell, as with every CLI command), settings at their
 * defaults but for the roots.
 */
export function startHeadlessEngine(options: HeadlessOptions): Promise<Engine> {
  const roots = [...options.roots];
  return Engine.start({
    storePath: options.storePath,
    settings: async () => ({ roots }),
    workspaceFolders: () => [],
    onChange: nothing,
    onMessage: options.onMessage,
    trusted: true,
    onRuntime: nothing,
    onRunOutput: nothing,
    onRunExit: nothing,
    onProgress: nothing,
    analyzer: {
      document: () => undefined,
      publish: nothing,
      applyEdit: async () => false,
      onScores: nothing,
      onError: (message) => options.onMessage({ severity: 'warning', message }),
    },
  });
}
