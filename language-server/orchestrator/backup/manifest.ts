import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupManifest, StoredFile } from './types';

const MAX_MANIFEST_BYTES = 16 << 20;
const SHA256 = /^[0-9a-f]{64}$/;
export const MANIFEST_SUFFIX = '.manifest.json';

/** Reads and checks a manifest; throws an Error naming the file and what is wrong with it. */
export async function readManifest(manifestPath: string): Promise<BackupManifest> {
  const text = await readFile(manifestPath, 'utf8').catch((error: unknown) => {
    throw new Error(`Cannot read the backup manifest ${manifestPath}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const parsed = parseManifest(text);
  if (typeof parsed === 'string') throw new Error(`The backup manifest ${manifestPath} is damaged: ${parsed}`);
  return parsed;
}

/** The manifest, or what is wrong with it. */
export function parseManifest(text: string): BackupManifest | string {
  if (text.length > MAX_MANIFEST_BYTES) return 'it is far larger than any manifest Optimus writes';
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  return checkManifest(doc);
}

function checkManifest(doc: unknown): BackupManifest | string {
  if (!isRecord(doc) || doc.format !== 'optimus-backup') return 'not an Optimus backup manifest';
  if (doc.version !== 1) return `written by a newer Optimus (version ${String(doc.version)})`;
  if (typeof doc.projectPath !== 'string' || !path.isAbsolute(doc.projectPath)) return 'projectPath is missing or not absolute';
  if (typeof doc.createdAt !== 'string' || Number.isNaN(Date.parse(doc.createdAt))) return 'createdAt is not a date';
  if (doc.mode !== 'git-files' && doc.mode !== 'folder') return `unknown mode ${JSON.stringify(doc.mode)}`;
  if (!isCount(doc.fileCount) || !isCount(doc.totalBytes)) return 'fileCount or totalBytes is not a count';
  const archive = checkStored(doc.archive, 'archive');
  if (typeof archive === 'string') return archive;
  const bundle = doc.bundle === null ? null : checkStored(doc.bundle, 'bundle');
  if (typeof bundle === 'string') return bundle;
  if (!Array.isArray(doc.skipped)) return 'skipped is not a list';
  const git = checkGit(doc.git);
  if (git) return git;
  return doc as unknown as BackupManifest;
}

const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** A value git reads as an option (`--upload-pack=...`) must never reach its command line from a manifest. */
const plainArg = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.startsWith('-') && !/[\0\n]/.test(v);

/** Restore passes these values to git; what is wrong with them, or null. */
function checkGit(git: unknown): string | null {
  if (git === null) return null;
  if (!isRecord(git)) return 'git is neither null nor an object';
  if (git.head !== null && !(typeof git.head === 'string' && OID.test(git.head))) return 'git.head is not a commit id';
  if (git.branch !== null && !plainArg(git.branch)) return 'git.branch is not a branch name';
  if (!Array.isArray(git.remotes) || !git.remotes.every((r) => isRecord(r) && plainArg(r.name) && plainArg(r.url))) return 'git.remotes is not a list of names and URLs';
  const stashes = git.stashes;
  if (stashes !== undefined && !(Array.isArray(stashes) && stashes.every((e) => isRecord(e) && typeof e.sha === 'string' && OID.test(e.sha) && typeof e.message === 'string'))) {
    return 'git.stashes is not a list of commit ids and messages';
  }
  return null;
}

/**
 * The file must be a bare name: a manifest is outside input, and verify, restore and prune open (prune
 * deletes) the files it names; `../../somewhere` must never reach them.
 */
function checkStored(value: unknown, what: string): StoredFile | string {
  if (!isRecord(value)) return `${what} is missing`;
  const { file, sha256, bytes } = value;
  if (typeof file !== 'string' || file === '' || file !== path.basename(file) || file === '..' || file.includes('\\')) return `${what}.file is not a plain file name`;
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return `${what}.sha256 is not a SHA-256`;
  if (!isCount(bytes)) return `${what}.bytes is not a count`;
  return { file, sha256, bytes };
}

/** Where the archive and bundle of a manifest live: beside it. */
export const besideManifest = (manifestPath: string, file: string): string => path.join(path.dirname(manifestPath), file);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
