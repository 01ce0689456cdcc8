import { stat } from 'node:fs/promises';
import { verifyBackup, type VerifyResult } from '../../orchestrator/backup/verify';
import { MANIFEST_SUFFIX } from '../../orchestrator/backup/manifest';
import { cliAction } from '../audited';
import { absolutePath, positionals } from '../checks';
import { defineCommand } from '../command';
import { printReport } from '../report';
import { UsageError } from '../usage';

const USAGE = 'verify ARCHIVE';
const ARCHIVE_SUFFIX = /\.(tar\.gz|tgz)$/;

/** A backup whose archive or bundle does not match its manifest; carries the result to print. */
class VerifyFailed extends Error {
  constructor(readonly result: VerifyResult) {
    super(`The backup ${result.manifestPath} is damaged: ${result.parts.filter((p) => !p.ok).map((p) => `${p.part} ${p.problem ?? ''}`.trim()).join('; ')}`);
  }
}

export const verifyCommand = defineCommand<{ archive: string }>({
  name: 'verify',
  usage: USAGE,
  summary: "check a backup's archive and bundle against the checksums in its manifest",
  cancellable: true,
  parse: (raw) => ({ archive: absolutePath(positionals(raw, ['ARCHIVE'], USAGE)[0] as string) }),
  async run(args, ctx) {
    const manifestPath = await manifestOf(args.archive);
    try {
      const result = await cliAction(ctx, { action: 'verify', target: manifestPath, details: { archive: args.archive } }, async () => {
        const checked = await verifyBackup(manifestPath, { signal: ctx.signal });
        if (!checked.ok) throw new VerifyFailed(checked);
        return checked;
      });
      printReport(ctx.global, ctx.out, report(result), () => verifyText(result));
      return 0;
    } catch (error) {
      if (!(error instanceof VerifyFailed)) throw error;
      printReport(ctx.global, ctx.out, report(error.result), () => verifyText(error.result));
      ctx.err.write(`optimus: ${error.message}\n`);
      return 1;
    }
  },
});

/** The manifest holds the checksums: given the archive, it is the file beside it with the same stem. */
async function manifestOf(archive: string): Promise<string> {
  if (!(await stat(archive).catch(() => null))?.isFile()) throw new UsageError(`No such backup: ${archive}. Type \`optimus ${USAGE}\` with a .manifest.json or .tar.gz from \`optimus backups\`.`);
  if (archive.endsWith(MANIFEST_SUFFIX)) return archive;
  if (!ARCHIVE_SUFFIX.test(archive)) throw new UsageError(`${archive} is not a backup: give its .manifest.json or .tar.gz.`);
  const manifest = archive.replace(ARCHIVE_SUFFIX, MANIFEST_SUFFIX);
  if (!(await stat(manifest).catch(() => null))) throw new Error(`${archive} has no manifest beside it (${manifest}), so there are no checksums to verify it against.`);
  return manifest;
}

function report(r: VerifyResult): { ok: boolean; manifest: string; parts: VerifyResult['parts'] } {
  return { ok: r.ok, manifest: r.manifestPath, parts: r.parts };
}

function verifyText(r: VerifyResult): string {
  const lines = [r.ok ? `OK: ${r.manifestPath}` : `DAMAGED: ${r.manifestPath}`];
  for (const p of r.parts) lines.push(`  ${p.part.padEnd(8)}  ${p.ok ? 'ok' : p.problem ?? 'bad'}  ${p.file}`);
  return lines.join('\n');
}
