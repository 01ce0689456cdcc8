import { noPositionals } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { collectRuntime, type RuntimeReport } from '../runtimeReport';
import { runtimeTable } from '../runtimeTable';
import { storedProjects } from '../storedProjects';

export const runtimeCommand = defineCommand<{ all: boolean }>({
  name: 'runtime',
  usage: 'runtime [--all]',
  summary: 'what runs now: processes in projects or on ports (CPU, memory), containers',
  options: { all: { type: 'boolean', help: 'every process on the machine, not only those in a project or listening on a port' } },
  parse(raw) {
    noPositionals(raw, 'arguments (it shows every project of the last scan)');
    return { all: raw.options.all === true };
  },
  async run(args, { store, global, out, err }) {
    const projects = await storedProjects(store, (message) => err.write(`optimus: ${message}\n`));
    if (projects.length === 0) err.write('note: no projects are known yet, so no process is placed in one; run `optimus scan ROOT` first.\n');
    const report = await collectRuntime(projects.map((p) => p.path), { all: args.all });
    if (global.json && global.batch) writeJsonLines(out, batchLines(report));
    else if (global.json) writeJson(out, report);
    else out.write(runtimeTable(report, new Map(projects.map((p) => [p.path, p.name]))) + '\n');
    return 0;
  },
});

/** JSON Lines: each process, then each container, then the engine's availability, told apart by `kind`. */
function* batchLines(report: RuntimeReport): Generator<object> {
  for (const p of report.processes) yield { kind: 'process', ...p };
  for (const c of report.containers) yield { kind: 'container', ...c };
  yield { kind: 'docker', docker: report.docker };
}
