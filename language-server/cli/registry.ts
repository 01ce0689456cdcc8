import type { Command } from './command';
import { adviseCommand } from './commands/advise';
import { analyzeCommand } from './commands/analyze';
import { askCommand } from './commands/ask';
import { auditCommand } from './commands/audit';
import { backupCommand } from './commands/backup';
import { backupsCommand } from './commands/backups';
import { diagnoseCommand } from './commands/diagnose';
import { envCommand } from './commands/env';
import { listCommand } from './commands/list';
import { restartCommand } from './commands/restart';
import { restoreCommand } from './commands/restore';
import { roiCommand } from './commands/roi';
import { runtimeCommand } from './commands/runtime';
import { scanCommand } from './commands/scan';
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';
import { stopCommand } from './commands/stop';
import { tokenCommand } from './commands/token';
import { verifyCommand } from './commands/verify';

/** Every `optimus <command>`, in the order the help lists them. A new command is one module and one line here. */
export const COMMANDS: readonly Command[] = [
  scanCommand, listCommand, runtimeCommand, startCommand, stopCommand, restartCommand, envCommand, auditCommand,
  backupCommand, backupsCommand, restoreCommand, verifyCommand, analyzeCommand, diagnoseCommand, adviseCommand, roiCommand,
  serveCommand, tokenCommand, askCommand,
];

export function findCommand(name: string, commands: readonly Command[] = COMMANDS): Command | undefined {
  return commands.find((c) => c.name === name);
}
