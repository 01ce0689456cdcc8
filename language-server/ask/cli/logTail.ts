import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectLogFile } from '../../orchestrator/runtime/detachedStart';
import { optimusHome } from '../../store/storePath';

/** Enough of a log for the last run's error and the lines before it; a log can grow to 10 MB before it rotates. */
const TAIL_BYTES = 64 * 1024;
/** `optimus start` writes this line before each run (detachedStart.ts): the last one opens the last run. */
const RUN_HEADER = /^=== \S+ optimus start in /m;

export interface LogTail {
  file: string;
  /** The output of the last run `optimus start` made, up to TAIL_BYTES from the end. */
  lastRun: string;
  modifiedAt: Date;
}

/** Where `optimus start` wrote the project's output: the same file name it chose. */
export function logFileOf(projectPath: string, env: NodeJS.ProcessEnv): string {
  return projectLogFile(optimusHome(env), path.basename(projectPath));
}

/** Null when the project was never started from the CLI (there is no log). */
export async function readLogTail(file: string): Promise<LogTail | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const handle = await open(file, 'r');
  try {
    const length = Math.min(info.size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, info.size - length);
    const text = buffer.toString('utf8');
    const headers = [...text.matchAll(new RegExp(RUN_HEADER.source, 'gm'))];
    const last = headers.at(-1);
    return { file, lastRun: last?.index === undefined ? text : text.slice(last.index), modifiedAt: info.mtime };
  } finally {
    await handle.close();
  }
}

export function lastLines(text: string, count: number): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.slice(Math.max(0, lines.length - count));
}
