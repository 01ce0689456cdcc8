import fs from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

const WASM_FILE = 'sql-wasm.wasm';
let loading: Promise<SqlJsStatic> | undefined;

/** sql.js, compiled once per process: compiling the wasm module costs tens of milliseconds. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: () => wasmPath() }).catch((error: unknown) => {
    loading = undefined; // let a later call try again instead of caching the failure forever
    throw error;
  });
  return loading;
}

/**
 * The bundle (dist/) carries its own copy next to it; running from TypeScript sources (tests, tsx) there is
 * none, so fall back to the one in node_modules.
 */
export function wasmPath(): string {
  const besideBundle = path.join(__dirname, WASM_FILE);
  if (fs.existsSync(besideBundle)) return besideBundle;
  try {
    return require.resolve(`sql.js/dist/${WASM_FILE}`);
  } catch {
    throw new Error(`Cannot find ${WASM_FILE}: looked in ${__dirname} and in node_modules/sql.js/dist. Reinstall Optimus.`);
  }
}
