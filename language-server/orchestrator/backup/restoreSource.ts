import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_SUFFIX, besideManifest, parseManifest, readManifest } from './manifest';
import type { BackupManifest } from './types';

export interface RestoreSource {
  archive: string;
  archiveBytes: number;
  bundle: string | null;
  manifest: BackupManifest | null;
}

const ARCHIVE_SUFFIX = /\.(tar\.gz|tgz)$/;

/** A manifest names its archive and bundle; a bare archive picks up the manifest beside it when it has one. */
export async function resolveSource(manifestOrArchive: string): Promise<RestoreSource> {
  if (typeof manifestOrArchive !== 'string' || manifestOrArchive.trim() === '') throw new TypeError('restoreBackup needs a manifest or archive path');
  const input = path.resolve(manifestOrArchive);
  if (input.endsWith(MANIFEST_SUFFIX)) {
    const manifest = await readManifest(input);
    const bundle = manifest.bundle ? besideManifest(input, manifest.bundle.file) : null;
    return { archive: besideManifest(input, manifest.archive.file), archiveBytes: manifest.archive.bytes, bundle, manifest };
  }
  const info = await stat(input).catch(() => null);
  if (!info?.isFile()) throw new Error(`Cannot restore ${input}: no such archive`);
  const manifest = await manifestBeside(input);
  const bundle = manifest?.bundle ? besideManifest(input, manifest.bundle.file) : null;
  return { archive: input, archiveBytes: info.size, bundle, manifest };
}

async function manifestBeside(archive: string): Promise<BackupManifest | null> {
  if (!ARCHIVE_SUFFIX.test(archive)) return null;
  const text = await readFile(archive.replace(ARCHIVE_SUFFIX, MANIFEST_SUFFIX), 'utf8').catch(() => null);
  const parsed = text === null ? null : parseManifest(text);
  // A manifest that does not describe this very archive is someone else's; the archive is restored on its own.
  return parsed && typeof parsed !== 'string' && parsed.archive.file === path.basename(archive) ? parsed : null;
}
