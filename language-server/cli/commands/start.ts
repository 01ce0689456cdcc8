import path from 'node:path';
import { existingFolder, positionals, profileOption } from '../checks';
import { cliAction } from '../audited';
import { defineCommand, type CliContext } from '../command';
import { launch, planStart, startAuditDetails, type StartReport } from '../projectStart';
import { list, printFindings, printReport } from '../report';

interface StartArgs {
  path: string;
  profile: string | undefined;
}

export const PROFILE_OPTION = { type: 'string', value: 'NAME', help: 'load .env.NAME and .env.NAME.local (default: the saved profile, .optimus.json "env", else development)' } as const;

export const startCommand = defineCommand<StartArgs>({
  name: 'start',
  usage: 'start PATH [--profile NAME]',
  summary: 'start the project in the background; output to $OPTIMUS_HOME/logs/<name>.log',
  options: { profile: PROFILE_OPTION },
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'start PATH')[0] as string, profile: profileOption(raw) }),
  async run(args, ctx) {
    const dir = await existingFolder(args.path, 'start PATH');
    const report = await startAudited(ctx, dir, args.profile);
    printReport(ctx.global, ctx.out, report, () => startText(report));
    return 0;
  },
});

/** Plans, then starts through the gate; the row holds the command line and, once known, the pid. */
export async function startAudited(ctx: CliContext, dir: string, profile: string | undefined): Promise<StartReport> {
  const plan = await planStart(dir, ctx.store, profile, ctx.env);
  printFindings(ctx.err, plan.findings);
  const details = startAuditDetails(plan);
  return cliAction(ctx, { action: 'start', target: dir, details }, async () => {
    const report = await launch(plan, ctx.env);
    details.pid = report.pid;
    return report;
  });
}

export function startText(r: StartReport): string {
  const env = r.envProfile ? `${r.envProfile} (${list(r.envFiles.map((f) => path.basename(f)))})` : 'no .env file';
  const state = r.running ? '' : '  (it has finished already, with code 0)';
  return [`Started ${path.basename(r.path)}: ${r.command}  [${r.source}]${state}`, `  pid  ${r.pid}`, `  log  ${r.log}`, `  env  ${env}`].join('\n');
}
