import path from 'node:path';
import { cliAction } from '../audited';
import { existingFolder, positionals } from '../checks';
import { defineCommand, type CliContext } from '../command';
import { planStop, stopAuditDetails, stopPlanned, StopIncomplete, type StopReport } from '../projectStop';
import { list, printReport } from '../report';

export const stopCommand = defineCommand<{ path: string }>({
  name: 'stop',
  usage: 'stop PATH',
  summary: 'stop every process and running container of the project',
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'stop PATH')[0] as string }),
  async run(args, ctx) {
    const dir = await existingFolder(args.path, 'stop PATH');
    try {
      const report = await stopAudited(ctx, dir);
      printReport(ctx.global, ctx.out, report, () => stopText(report));
      return 0;
    } catch (error) {
      if (!(error instanceof StopIncomplete)) throw error;
      printReport(ctx.global, ctx.out, error.report, () => stopText(error.report));
      ctx.err.write(`optimus: ${error.message}\n`);
      return 1;
    }
  },
});

export async function stopAudited(ctx: CliContext, dir: string): Promise<StopReport> {
  const plan = await planStop(dir, ctx.store);
  const details = stopAuditDetails(plan);
  return cliAction(ctx, { action: 'stop', target: dir, details }, async () => {
    const report = await stopPlanned(plan).catch((error: unknown) => {
      if (error instanceof StopIncomplete) Object.assign(details, outcome(error.report));
      throw error;
    });
    Object.assign(details, outcome(report));
    return report;
  });
}

function outcome(report: StopReport): Record<string, unknown> {
  return { stopped: report.stopped, failed: report.failed, containers: report.containers };
}

export function stopText(r: StopReport): string {
  const name = path.basename(r.path);
  if (r.stopped.length + r.failed.length + r.containers.length === 0) return `Nothing of ${name} was running.`;
  const lines = [`Stopped ${name}: processes ${list(r.stopped)}; containers ${list(r.containers.map((id) => id.slice(0, 12)))}`];
  for (const f of r.failed) lines.push(`  not stopped: pid ${f.pid} ${f.reason}`);
  return lines.join('\n');
}
