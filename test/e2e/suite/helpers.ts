// Shared by the in-host end-to-end tests: what run.mjs expects, the extension's API type, and waiting helpers.
import fs from 'node:fs';
import { format } from 'node:util';
import * as vscode from 'vscode';
import type { Project } from '../../../language-server/model';

export const EXTENSION_ID = 'optimus-dev.optimus';

/** Marks the suite's output among everything the workbench logs; run.mjs prints these lines and files the rest. */
export const REPORT_MARK = '[optimus-e2e] ';

/** Prints a line of the suite's output (printf-style, like console.log). */
export function report(...args: unknown[]): void {
  console.log(REPORT_MARK + format(...args));
}

/** What `activate()` returns (the extension's public contract). */
export interface OptimusApi {
  /** Resolves once the language server answered the first project list. */
  whenReady(): Promise<void>;
  /** The current project list. */
  projects(): Project[];
  /** The project nodes of the tree, any of which `optimus.copyPath` accepts. */
  projectNodes(): Promise<unknown[]>;
}

/** Written by test/e2e/fixtures.mjs + run.mjs. */
export interface ExpectedProject {
  name: string;
  path: string;
  branch: string | null;
  dirty: boolean;
  languages: string[];
  frameworks: string[];
  description: string[];
}

export interface Expected {
  root: string;
  projects: ExpectedProject[];
  lateProject: { name: string; files: Record<string, string> };
}

export function readExpected(): Expected {
  const file = process.env.OPTIMUS_E2E_EXPECTED;
  if (!file) throw new Error('OPTIMUS_E2E_EXPECTED is not set: run these tests through `npm run test:e2e`');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Expected;
}

export async function activate(): Promise<OptimusApi> {
  const ext = vscode.extensions.getExtension<OptimusApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this window`);
  return ext.activate();
}

/**
 * Calls `check` until it stops throwing, then returns its result; after `timeoutMs` rethrows its last error.
 * For state that arrives asynchronously (scan results, file-watcher events): never a fixed sleep.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rejects with a clear message when `promise` takes longer than `timeoutMs`. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The tree node (of a shape the contract leaves open) that stands for the project at `projectPath`: the one
 * holding that path nearest its surface (`node.path`, then `node.project.path`, ...).
 */
export function nodeFor(nodes: unknown[], projectPath: string): unknown {
  for (let depth = 1; depth <= 3; depth++) {
    const found = nodes.find((node) => mentions(node, projectPath, depth));
    if (found) return found;
  }
  throw new Error(`no project node refers to ${projectPath} (${nodes.length} nodes)`);
}

function mentions(value: unknown, target: string, depth: number): boolean {
  if (value === target) return true;
  if (depth === 0 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => mentions(v, target, depth - 1));
}
