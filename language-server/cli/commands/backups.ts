import path from 'node:path';
import { listBackups, type BackupListing } from '../../orchestrator/backup/catalog';
import { backupFolder, defaultBackupFolder, TO_OPTION } from '../backupFolder';
import { absolutePath, positionals } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { renderTable } from '../table';

/** One backup as `optimus backups --json` lists it; a damaged one has nulls and `damaged` says why. */
interface BackupEntry {
  manifest: string;
  createdAt: string;
  project: string | null;
  mode: string | null;
  files: number | null;
  bytes: number | null;
  archive: string | null;
  bundle: string | null;
  damaged?: string;
}

export const backupsCommand = defineCommand<{ path: string | undefined; to: string | undefined }>({
  name: 'backups',
  usage: 'backups [PATH] [--to DIR]',
  summary: 'the backups (of the project in PATH, or all), newest first',
  options: { to: TO_OPTION },
  // PATH need not exist: the backups of a deleted project are what one looks for before restoring it.
  parse: (raw) => ({ path: positionals(raw, ['PATH?'], 'backups [PATH]')[0], to: backupFolder(raw) }),
  async run(args, { global, out, env }) {
    const listed = await listBackups(args.to ?? defaultBackupFolder(env), args.path === undefined ? undefined : absolutePath(args.path));
    const entries = listed.map(toEntry);
    if (global.json && global.batch) writeJsonLines(out, entries);
    else if (global.json) writeJson(out, { backups: entries });
    else out.write(backupsTable(entries) + '\n');
    return 0;
  },
});

function toEntry(b: BackupListing): BackupEntry {
  const m = b.manifest;
  const beside = (file: string) => path.join(path.dirname(b.manifestPath), file);
  return {
    manifest: b.manifestPath,
    createdAt: b.createdAt,
    project: m?.projectPath ?? null,
    mode: m?.mode ?? null,
    files: m?.fileCount ?? null,
    bytes: m?.totalBytes ?? null,
    archive: m ? beside(m.archive.file) : null,
    bundle: m?.bundle ? beside(m.bundle.file) : null,
    ...(b.damaged ? { damaged: b.damaged } : {}),
  };
}

function backupsTable(entries: readonly BackupEntry[]): string {
  if (entries.length === 0) return 'No backups.';
  const rows = entries.map((e) => [e.createdAt.slice(0, 19).replace('T', ' '), e.project ?? `damaged: ${e.damaged ?? '?'}`, e.mode ?? '-', String(e.files ?? '-'), String(e.bytes ?? '-'), e.manifest]);
  return renderTable(['CREATED (UTC)', 'PROJECT', 'MODE', 'FILES', 'BYTES', 'MANIFEST'], rows);
}
