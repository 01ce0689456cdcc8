import path from 'node:path';
import { optimusHome } from '../store/storePath';
import { absolutePath, stringOption } from './checks';
import type { OptionSpec, RawArgs } from './command';

export const TO_OPTION: OptionSpec = { type: 'string', value: 'DIR', help: 'the backup folder (default: $OPTIMUS_HOME/backups)' };

/** `--to DIR`, else `$OPTIMUS_HOME/backups`; backups of a project go into a subfolder named after it. */
export function backupFolder(raw: RawArgs): string | undefined {
  const to = stringOption(raw, 'to');
  return to === undefined ? undefined : absolutePath(to);
}

export function defaultBackupFolder(env: NodeJS.ProcessEnv): string {
  return path.join(optimusHome(env), 'backups');
}
