/**
 * The project's package.json as the yarn.lock reader needs it: which dependencies are runtime and which are dev,
 * since yarn.lock itself does not record it.
 */
import path from 'node:path';
import { parseJsonText } from '../../scanner/ecosystems/parse';
import { readTextCapped } from '../../scanner/ecosystems/read';
import { asRecord, isRecord } from '../../scanner/ecosystems/values';

export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/** A declared dependency: name and range as written ('' when the range is not a string). */
export type Declared = readonly [name: string, range: string];

export interface RootManifest {
  /** dependencies, optionalDependencies and peerDependencies: everything that may ship. */
  prod: Declared[];
  dev: Declared[];
  /** Declares workspaces: members' own manifests add roots this file does not list. */
  workspaces: boolean;
}

const PROD_SECTIONS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/** undefined when package.json is missing or unreadable: then nothing can be called dev-only. */
export async function readRootManifest(projectDir: string): Promise<RootManifest | undefined> {
  const read = await readTextCapped(path.join(projectDir, 'package.json'), 'package.json', 'manifest', MAX_MANIFEST_BYTES);
  const parsed = read.ok ? parseJsonText(read.text) : undefined;
  if (!parsed?.ok || !isRecord(parsed.value)) return undefined;
  const doc = parsed.value;
  return {
    prod: PROD_SECTIONS.flatMap((section) => declared(doc[section])),
    dev: declared(doc.devDependencies),
    workspaces: doc.workspaces !== undefined,
  };
}

function declared(section: unknown): Declared[] {
  return Object.entries(asRecord(section) ?? {}).map(([name, range]) => [name, typeof range === 'string' ? range : '']);
}
