import os from 'node:os';
import path from 'node:path';
import { expandHome } from '../../scanner/ignore';
import { optimusHome } from '../../store/storePath';

/** The `optimus.backup.folder` setting made absolute; empty means `$OPTIMUS_HOME/backups`. */
export function backupFolderFor(configured: string): string {
  const folder = configured.trim();
  return folder ? path.resolve(expandHome(folder, os.homedir())) : path.join(optimusHome(), 'backups');
}
