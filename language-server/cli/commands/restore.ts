import { readdir, stat } from 'node:fs/promises';
import { restoreBackup, type RestoreResult } from '../../orchestrator/backup/restore';
import { cliAction } from '../audited';
import { absolutePath, positionals } from '../checks';
import { defineCommand } from '../command';
import { progressLine } from '../progress';
import { printReport } from '../report';
import { UsageError } from '../usage';

const USAGE = 'restore ARCHIVE DEST';

/** What `optimus restore --json` prints. */
interface RestoreReport {
  archive: string;
  dest: string;
  files: number;
  bytes: number;
  /** `restored`: a git repository with its history; `empty-repository`: one without; `none`: not one. */
  history: RestoreResult['history'];
  skipped: Array<{ path: string; reason: string }>;
}

export const restoreCommand = defineCommand<{ archive: string; dest: string }>({
  name: 'restore',
  usage: USAGE,
  summary: 'restore a backup (its .manifest.json or .tar.gz) into DEST, which must be new or empty',
  cancellable: true,
  parse(raw) {
    const [archive, dest] = positionals(raw, ['ARCHIVE', 'DEST'], USAGE) as [string, string];
    return { archive: absolutePath(archive), dest: absolutePath(dest) };
  },
  async run(args, ctx) {
    await checkArguments(args.archive, args.dest);
    const progress = progressLine(ctx.err, ctx.errIsTTY);
    const options = { signal: ctx.signal, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) };
    const details: Record<string, unknown> = { archive: args.archive };
    const result = await cliAction(ctx, { action: 'restore', target: args.dest, details }, async () => {
      const done = await restoreBackup(args.archive, args.dest, options).finally(() => progress.clear());
      Object.assign(details, { project: done.manifest?.projectPath ?? null, files: done.files, history: done.history });
      return done;
    });
    const report: RestoreReport = { archive: args.archive, dest: result.destDir, files: result.files, bytes: result.bytes, history: result.history, skipped: result.skipped };
    printReport(ctx.global, ctx.out, report, () => restoreText(report));
    return 0;
  },
});

/** The mistakes one makes typing the command are usage errors (exit 2), found before anything is read or written. */
async function checkArguments(archive: string, dest: string): Promise<void> {
  const source = await stat(archive).catch(() => null);
  if (!source?.isFile()) throw new UsageError(`No such backup: ${archive}. Type \`optimus ${USAGE}\` with a .manifest.json or .tar.gz from \`optimus backups\`.`);
  const target = await stat(dest).catch(() => null);
  if (!target) return;
  if (!target.isDirectory()) throw new UsageError(`${dest} is a file. Type \`optimus ${USAGE}\` with a new folder, or an empty one.`);
  if ((await readdir(dest)).length > 0) throw new UsageError(`${dest} is not empty; restore never overwrites. Type \`optimus ${USAGE}\` with a new folder, or an empty one.`);
}

function restoreText(r: RestoreReport): string {
  const history = { restored: 'git history restored', 'empty-repository': 'an empty git repository (the backup had no history)', none: 'not a git repository' }[r.history];
  const lines = [`Restored ${r.files} files (${r.bytes} bytes) into ${r.dest}; ${history}`];
  for (const s of r.skipped) lines.push(`  skipped  ${s.path}: ${s.reason}`);
  return lines.join('\n');
}
