import { cliAction } from '../audited';
import { existingFolder, positionals, profileOption } from '../checks';
import { defineCommand, type CliContext } from '../command';
import { launch, planStart, startAuditDetails, type StartReport } from '../projectStart';
import { planStop, stopAuditDetails, stopPlanned, StopIncomplete, type StopReport } from '../projectStop';
import { printFindings, printReport } from '../report';
import { PROFILE_OPTION, startText } from './start';
import { stopText } from './stop';

type RestartReport = StartReport & Omit<StopReport, 'path'>;

export const restartCommand = defineCommand<{ path: string; profile: string | undefined }>({
  name: 'restart',
  usage: 'restart PATH [--profile NAME]',
  summary: 'stop, then start the project',
  options: { profile: PROFILE_OPTION },
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'restart PATH')[0] as string, profile: profileOption(raw) }),
  async run(args, ctx) {
    const dir = await existingFolder(args.path, 'restart PATH');
    try {
      const report = await restart(ctx, dir, args.profile);
      printReport(ctx.global, ctx.out, report, () => `${stopText({ ...report, path: dir })}\n${startText(report)}`);
      return 0;
    } catch (error) {
      if (!(error instanceof StopIncomplete)) throw error;
      printReport(ctx.global, ctx.out, error.report, () => stopText(error.report));
      ctx.err.write(`optimus: ${error.message}; not started again.\n`);
      return 1;
    }
  },
});

/**
 * Plans both halves before stopping anything, so a project with no start command is not left stopped; a stop
 * that leaves something running does not start a second copy next to it.
 */
async function restart(ctx: CliContext, dir: string, profile: string | undefined): Promise<RestartReport> {
  const start = await planStart(dir, ctx.store, profile, ctx.env);
  printFindings(ctx.err, start.findings);
  const stop = await planStop(dir, ctx.store);
  const details: Record<string, unknown> = { ...stopAuditDetails(stop), ...startAuditDetails(start) };
  return cliAction(ctx, { action: 'restart', target: dir, details }, async () => {
    const { stopped, failed, containers, docker } = await stopPlanned(stop);
    const started = await launch(start, ctx.env);
    Object.assign(details, { stopped, containers, pid: started.pid });
    return { ...started, stopped, failed, containers, docker };
  });
}
