import type { Dirent } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { findEntry } from './projectFiles';
import type { FindOptions } from './projectFiles';

const TEST_DIRS: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', '__test__', 'spec', 'specs', 'e2e', 'cypress', 'testing']);
/** Test files by the naming conventions of the usual runners: jest/vitest/mocha, go test, pytest, JUnit, RSpec, dart. */
const TEST_FILE = /\.(test|spec|e2e)\.[cm]?[jt]sx?$|_test\.(go|py|dart|exs)$|^test_.*\.py$|(Test|Tests|IT)\.(java|kt|cs|swift|scala)$|_spec\.rb$/;

export type TestPresence = { found: string } | { missing: true } | { unknown: string };

/**
 * Whether the project has tests: a test folder or a test file anywhere within a few levels, or (Rust) a
 * `#[cfg(test)]` module in a source file. A search cut short by its limits says `unknown`, never `missing`.
 */
export async function testPresence(projectDir: string, isRust: boolean, options: FindOptions): Promise<TestPresence> {
  const matches = (entry: Dirent): boolean => (entry.isDirectory() ? TEST_DIRS.has(entry.name) : TEST_FILE.test(entry.name));
  const result = await findEntry(projectDir, matches, options);
  if (result.found) return { found: result.found };
  if (isRust) {
    const inline = await rustInlineTests(projectDir, options);
    if (inline) return { found: inline };
  }
  return result.truncated ? { unknown: `stopped after ${options.maxEntries} entries or ${options.maxDepth} levels` } : { missing: true };
}

/** Rust keeps unit tests next to the code: looks into up to 50 .rs files under src/ (their first 256 KB). */
async function rustInlineTests(projectDir: string, options: FindOptions): Promise<string | null> {
  const files: string[] = [];
  await findEntry(path.join(projectDir, 'src'), (entry, rel) => {
    if (entry.isFile() && entry.name.endsWith('.rs') && files.length < 50) files.push(path.join(projectDir, 'src', rel));
    return false;
  }, options);
  for (const file of files) if (await startContains(file, /#\[(cfg\(test\)|test)\]/)) return file;
  return null;
}

async function startContains(file: string, pattern: RegExp): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return pattern.test(buffer.toString('utf8', 0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
