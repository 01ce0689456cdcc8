import path from 'node:path';
import { analyzeProject, type ProjectAnalysis } from '../../analyzer/analyzeProject';
import { eslintCacheDir } from '../../analyzer/lint/lintCacheDir';
import { optimusHome } from '../../store/storePath';
import { existingFolder, positionals } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { storedProjects } from '../storedProjects';
import { renderTable } from '../table';

const DEFAULT_THRESHOLDS = { complexityThreshold: 10, cognitiveThreshold: 15 };

/** `optimus analyze PATH`: the contract's JSON shape, built from the analysis. */
export const analyzeCommand = defineCommand<{ path: string; lint: boolean; npmAudit: boolean; outdated: boolean; osv: string | undefined }>({
  name: 'analyze',
  usage: 'analyze PATH [--lint] [--npm-audit] [--outdated] [--osv FILE]',
  summary: 'complexity, security, performance and debt of a project, with its health score',
  options: {
    lint: { type: 'boolean', help: 'also run ESLint (the project’s config) and TypeScript type checks' },
    'npm-audit': { type: 'boolean', help: 'also ask the npm registry for vulnerable dependencies (sends the dependency list)' },
    outdated: { type: 'boolean', help: 'also ask the npm registry for the latest versions and flag dependencies a major version behind (sends package names)' },
    osv: { type: 'string', value: 'FILE', help: 'match dependencies against an offline OSV database (a JSON file or an unpacked osv.dev export)' },
  },
  cancellable: true,
  parse: (raw) => ({
    path: positionals(raw, ['PATH'], 'analyze PATH')[0] as string,
    lint: raw.options.lint === true,
    npmAudit: raw.options['npm-audit'] === true,
    outdated: raw.options.outdated === true,
    osv: typeof raw.options.osv === 'string' ? raw.options.osv : undefined,
  }),
  async run(args, { store, global, out, err, signal, env }) {
    const dir = await existingFolder(args.path, 'analyze PATH');
    const project = (await storedProjects(store)).find((p) => p.path === dir);
    const lint = args.lint ? { trusted: true, types: true, cacheDir: eslintCacheDir(optimusHome(env), dir) } : undefined;
    const dependencies = { npmAudit: args.npmAudit, ...(args.osv ? { osvDbPath: path.resolve(args.osv) } : {}) };
    const outdated = args.outdated ? { outdated: { cacheFile: path.join(optimusHome(env), 'cache', 'npm-latest.json') } } : {};
    const analysis = await analyzeProject(dir, { ...DEFAULT_THRESHOLDS, store, signal, dependencies, ...outdated, ...(project ? { project } : {}), ...(lint ? { lint } : {}) });
    const report = contract(analysis);
    if (global.json && global.batch) writeJsonLines(out, [...report.files.map((f) => ({ kind: 'file', ...f })), ...report.findings.map((f) => ({ kind: 'finding', ...f })), { kind: 'summary', debt: report.debt, health: report.health }]);
    else if (global.json) writeJson(out, report);
    else out.write(text(dir, analysis) + '\n');
    for (const note of analysis.notes) err.write(`note: ${note}\n`);
    return 0;
  },
});

function contract(a: ProjectAnalysis) {
  return {
    files: a.files.map((f) => ({
      path: f.path,
      language: f.language,
      loc: f.loc,
      functions: f.functions.map(({ name, line, column, cyclomatic, cognitive }) => ({ name, line, column, cyclomatic, cognitive })),
      maintainability: f.maintainability,
    })),
    findings: a.findings.map(({ ruleId, category, severity, path, line, column, message }) => ({ ruleId, category, severity, path, line, column, message })),
    debt: { minutes: a.debt.minutes, rating: a.debt.rating },
    health: a.health.score,
  };
}

function text(dir: string, a: ProjectAnalysis): string {
  const rows = a.findings.slice(0, 200).map((f) => [`${path.relative(dir, f.path) || '.'}:${f.line}:${f.column}`, f.severity, f.ruleId, f.message]);
  const loc = a.files.reduce((sum, f) => sum + f.loc, 0);
  const head = `${path.basename(dir)}: health ${a.health.score}/100 · debt ${a.debt.rating} (${a.debt.minutes} min) · ${a.files.length} files, ${loc} lines · ${a.findings.length} findings`;
  const more = a.findings.length > rows.length ? `\n… and ${a.findings.length - rows.length} more (--json lists all)` : '';
  return [head, '', rows.length > 0 ? renderTable(['WHERE', 'SEVERITY', 'RULE', 'MESSAGE'], rows) + more : 'No findings.'].join('\n');
}
