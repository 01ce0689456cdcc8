import path from 'node:path';
import { backupProject } from '../../orchestrator/backup/backup';
import { type BackupMode, type BackupResult } from '../../orchestrator/backup/types';
import { cliAction } from '../audited';
import { backupFolder, defaultBackupFolder, TO_OPTION } from '../backupFolder';
import { existingFolder, positionals, stringOption } from '../checks';
import { defineCommand } from '../command';
import { progressLine } from '../progress';
import { printReport } from '../report';
import { UsageError } from '../usage';

const MODES: readonly BackupMode[] = ['git-files', 'folder'];

interface BackupArgs {
  path: string;
  mode: BackupMode | undefined;
  to: string | undefined;
}

/** What `optimus backup --json` prints. */
interface BackupReport {
  path: string;
  manifest: string;
  archive: string;
  bundle: string | null;
  mode: BackupMode;
  files: number;
  bytes: number;
  /** Entries not archived (unreadable, sockets, submodules), with why. */
  skipped: Array<{ path: string; reason: string }>;
}

export const backupCommand = defineCommand<BackupArgs>({
  name: 'backup',
  usage: 'backup PATH [--mode git-files|folder] [--to DIR]',
  summary: 'archive the project (tar.gz), its git history (bundle) and a manifest',
  options: {
    mode: { type: 'string', value: 'MODE', help: 'git-files: the files git knows (default in a repository); folder: everything but dependency and build folders' },
    to: TO_OPTION,
  },
  cancellable: true,
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'backup PATH')[0] as string, mode: modeOption(raw), to: backupFolder(raw) }),
  async run(args, ctx) {
    const dir = await existingFolder(args.path, 'backup PATH');
    const backupDir = args.to ?? defaultBackupFolder(ctx.env);
    const details: Record<string, unknown> = { mode: args.mode ?? 'default', backupDir };
    const progress = progressLine(ctx.err, ctx.errIsTTY);
    const options = { backupDir, signal: ctx.signal, ...(args.mode ? { mode: args.mode } : {}), ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) };
    const result = await cliAction(ctx, { action: 'backup', target: dir, details }, async () => {
      const done = await backupProject(dir, options).finally(() => progress.clear());
      Object.assign(details, { mode: done.manifest.mode, manifest: done.manifestPath, files: done.manifest.fileCount, bytes: done.manifest.totalBytes });
      return done;
    });
    const report = toReport(dir, result);
    printReport(ctx.global, ctx.out, report, () => backupText(report, result.manifest.bundleNote));
    return 0;
  },
});

function modeOption(raw: Parameters<typeof stringOption>[0]): BackupMode | undefined {
  const mode = stringOption(raw, 'mode');
  if (mode === undefined || (MODES as readonly string[]).includes(mode)) return mode as BackupMode | undefined;
  throw new UsageError(`--mode must be ${MODES.join(' or ')} (got "${mode}").`);
}

function toReport(dir: string, r: BackupResult): BackupReport {
  const m = r.manifest;
  return { path: dir, manifest: r.manifestPath, archive: r.archivePath, bundle: r.bundlePath, mode: m.mode, files: m.fileCount, bytes: m.totalBytes, skipped: m.skipped };
}

function backupText(r: BackupReport, bundleNote: string | undefined): string {
  const lines = [
    `Backed up ${path.basename(r.path)} (${r.mode}): ${r.files} files, ${r.bytes} bytes`,
    `  manifest  ${r.manifest}`,
    `  archive   ${r.archive}`,
    `  bundle    ${r.bundle ?? `none (${bundleNote ?? 'no history'})`}`,
  ];
  for (const s of r.skipped) lines.push(`  skipped   ${s.path}: ${s.reason}`);
  return lines.join('\n');
}
