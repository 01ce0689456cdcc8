import { loadProjects } from '../../store/projectsRepo';
import { UsageError } from '../usage';
import { defineCommand } from '../command';
import { printList } from '../output';

export const listCommand = defineCommand<Record<string, never>>({
  name: 'list',
  usage: 'list',
  summary: 'the projects saved by the last scan, without scanning',
  parse(raw) {
    const rest = raw.positionals;
    if (rest.length > 0) throw new UsageError(`\`optimus list\` takes no folders (got ${rest.join(' ')}); use \`optimus scan ${rest.join(' ')}\`.`);
    return {};
  },
  async run(_args, { store, global, out, err }) {
    const projects = store ? await loadProjects(store) : [];
    printList({ projects, notes: [] }, global, out, err);
    return 0;
  },
});
