import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../../../language-server/model';
import { scanProject } from '../../../../language-server/scanner/scan';
import { writeTree } from '../../../integration/helpers/files';

/** Writes `files` under `root/name` and reads the folder with the real scanner, as the index would. */
export async function scanFixture(root: string, name: string, files: Record<string, string>): Promise<Project> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeTree(dir, files);
  const projects = await scanProject(dir, root, null);
  assert.ok(projects?.[0], `the scanner read ${dir}`);
  return projects[0];
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
