import { mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp folder per test, removed afterwards; its real path (macOS-style /tmp links resolved). */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), `optimus-${prefix}-`)));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
