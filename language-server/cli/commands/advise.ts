import os from 'node:os';
import { advise } from '../../advisor/recommend/advise';
import { collectSignals } from '../../advisor/recommend/collectSignals';
import type { Recommendation } from '../../advisor/recommend/recommendation';
import type { Project } from '../../model';
import { makeIgnoreMatcher } from '../../scanner/ignore';
import { ProjectIndex } from '../../scanner/projectIndex';
import { isInside } from '../../scanner/projectPaths';
import { DEFAULT_SETTINGS } from '../../settings';
import { storePersistence } from '../../store/indexPersistence';
import { defaultBackupFolder } from '../backupFolder';
import { existingFolder, positionals } from '../checks';
import { defineCommand } from '../command';
import { writeJson, writeJsonLines } from '../output';
import { storedProjects } from '../storedProjects';
import { renderTable } from '../table';

/** `optimus advise PATH`: what to do next, ranked, in one project or in every project under a folder. */
export const adviseCommand = defineCommand<{ path: string }>({
  name: 'advise',
  usage: 'advise PATH',
  summary: 'what to do next in the project at PATH (or every project under it), ranked by impact over effort',
  parse: (raw) => ({ path: positionals(raw, ['PATH'], 'advise PATH')[0] as string }),
  async run(args, { store, global, out, err, env }) {
    const dir = await existingFolder(args.path, 'advise PATH');
    const projects = await projectsAt(dir, store);
    const signals = await collectSignals(projects, { store, backupDir: defaultBackupFolder(env) });
    const list = advise(signals);
    if (global.json && global.batch) writeJsonLines(out, list.map(contract));
    else if (global.json) writeJson(out, { recommendations: list.map(contract) });
    else out.write(`${text(list, projects.length)}\n`);
    if (projects.length === 0) err.write(`note: no project found at or under ${dir}\n`);
    return 0;
  },
});

/** The stored projects at or under the folder; a folder the store does not know is scanned first. */
async function projectsAt(dir: string, store: Parameters<typeof storedProjects>[0]): Promise<Project[]> {
  const known = (await storedProjects(store)).filter((p) => p.path === dir || isInside(p.path, dir));
  if (known.length > 0) return known;
  const index = new ProjectIndex(store ? storePersistence(store) : null);
  await index.refresh({ roots: [dir], maxDepth: DEFAULT_SETTINGS.scan.maxDepth, ignore: makeIgnoreMatcher([], os.homedir()) }, { waitForDetails: true });
  return index.all().filter((p) => p.path === dir || isInside(p.path, dir));
}

function contract(r: Recommendation) {
  return { id: r.id, project: r.projectPath, kind: r.kind, title: r.title, why: r.why, impact: r.impact, effort: r.effort, score: r.score, action: r.action ?? null };
}

function text(list: readonly Recommendation[], projects: number): string {
  if (list.length === 0) return `Nothing to do in ${projects} project${projects === 1 ? '' : 's'}.`;
  return renderTable(['IMPACT', 'EFFORT', 'WHAT', 'WHY'], list.map((r) => [r.impact, r.effort, r.title, r.why]));
}
