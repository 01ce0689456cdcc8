import path from 'node:path';
import { envView, type EnvView } from '../../orchestrator/env/envView';
import { existingFolder, positionals, profileOption } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { list, printFindings } from '../report';
import { renderTable } from '../table';

type EnvReport = { path: string } & EnvView;

/** Everything printed comes from envView, which masks every value: no real value reaches this module. */
export const envCommand = defineCommand<{ path: string; profile: string | undefined }>({
  name: 'env',
  usage: 'env PATH [--profile NAME]',
  summary: '.env files, active profile, keys (values masked), keys missing from .env.example',
  options: { profile: { type: 'string', value: 'NAME', help: 'show this profile instead of the one a start would use' } },
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'env PATH')[0] as string, profile: profileOption(raw) }),
  async run(args, { store, global, out, err }) {
    const dir = await existingFolder(args.path, 'env PATH');
    const report: EnvReport = { path: dir, ...(await envView(dir, { profile: args.profile, store })) };
    if (global.json && !global.batch) return writeJson(out, report), 0;
    if (global.json) writeJsonLines(out, batchLines(report));
    else out.write(envText(report) + '\n');
    printFindings(err, report.findings);
    return 0;
  },
});

/** JSON Lines: the profile, then one line per key of each file, then the missing and the extra keys. */
function* batchLines(r: EnvReport): Generator<object> {
  yield { kind: 'profile', path: r.path, profile: r.profile, profileSource: r.profileSource, example: r.example };
  for (const file of r.files) for (const k of file.keys) yield { kind: 'key', file: file.path, role: file.role, key: k.key, value: k.value, line: k.line };
  for (const key of r.missing) yield { kind: 'missing', key };
  for (const key of r.extra) yield { kind: 'extra', key };
}

function envText(r: EnvReport): string {
  const rows = r.files.flatMap((f) => f.keys.map((k) => [f.name, f.role, k.key, k.value]));
  const lines = [`Profile  ${r.profile} (${r.profileSource})`, `Example  ${r.example ? path.basename(r.example) : 'none'}`, ''];
  lines.push(r.files.length === 0 ? 'No .env files.' : rows.length === 0 ? 'The .env files set no keys.' : renderTable(['FILE', 'ROLE', 'KEY', 'VALUE'], rows));
  if (r.example) {
    lines.push('', `Missing (in ${path.basename(r.example)}, set by no file of ${r.profile}): ${list(r.missing)}`);
    if (r.extra.length > 0) lines.push(`Not in ${path.basename(r.example)}: ${list(r.extra)}`);
  }
  return lines.join('\n');
}
