import { hashFile } from './files';
import { besideManifest, readManifest } from './manifest';
import type { BackupManifest, StoredFile } from './types';

export interface VerifiedPart {
  part: 'manifest' | 'archive' | 'bundle';
  /** Absolute path of the file checked. */
  file: string;
  ok: boolean;
  /** What differs: missing, size or checksum (both values given). */
  problem?: string;
}

export interface VerifyResult {
  ok: boolean;
  manifestPath: string;
  manifest: BackupManifest | null;
  parts: VerifiedPart[];
}

/** Recomputes the archive's and the bundle's SHA-256 and compares them with the manifest. Never throws for a bad backup. */
export async function verifyBackup(manifestPath: string, opts: { signal?: AbortSignal } = {}): Promise<VerifyResult> {
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(manifestPath);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { ok: false, manifestPath, manifest: null, parts: [{ part: 'manifest', file: manifestPath, ok: false, problem }] };
  }
  const parts: VerifiedPart[] = [await checkStored('archive', besideManifest(manifestPath, manifest.archive.file), manifest.archive, opts.signal)];
  if (manifest.bundle) parts.push(await checkStored('bundle', besideManifest(manifestPath, manifest.bundle.file), manifest.bundle, opts.signal));
  return { ok: parts.every((p) => p.ok), manifestPath, manifest, parts };
}

export async function checkStored(part: 'archive' | 'bundle', file: string, expected: StoredFile, signal?: AbortSignal): Promise<VerifiedPart> {
  let actual: { sha256: string; bytes: number };
  try {
    actual = await hashFile(file, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    return { part, file, ok: false, problem: code === 'ENOENT' ? 'the file is missing' : `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if (actual.bytes !== expected.bytes) return { part, file, ok: false, problem: `size is ${actual.bytes} bytes, the manifest says ${expected.bytes}` };
  if (actual.sha256 !== expected.sha256) return { part, file, ok: false, problem: `SHA-256 is ${actual.sha256}, the manifest says ${expected.sha256}` };
  return { part, file, ok: true };
}
