import * as vscode from 'vscode';
import { collectOutput } from './terminalOutput';

export interface FailedCommand {
  text: string;
  command: string;
  cwd: string | undefined;
  exitCode: number;
}

/** Ctrl+C (130) and a closed pipe (141) are the user's doing, not failures to diagnose. */
const USER_ENDED = new Set([130, 141]);

/**
 * Watches commands in VS Code's terminals through shell integration: each execution's output is read while it
 * runs, and a command that ends with a non-zero exit code is handed over with its output. Nothing is run.
 */
export function watchTerminals(onFailed: (failure: FailedCommand) => void, enabled: () => boolean): vscode.Disposable {
  const running = new Map<vscode.TerminalShellExecution, ReturnType<typeof collectOutput>>();
  return vscode.Disposable.from(
    vscode.window.onDidStartTerminalShellExecution((e) => {
      if (enabled()) running.set(e.execution, collectOutput(e.execution));
    }),
    vscode.window.onDidEndTerminalShellExecution(async (e) => {
      const output = running.get(e.execution);
      running.delete(e.execution);
      if (!output) return;
      output.ended();
      const exitCode = e.exitCode;
      if (exitCode === undefined || exitCode === 0 || USER_ENDED.has(exitCode)) return;
      const text = (await output.text).trim();
      if (text === '') return;
      onFailed({ text, command: e.execution.commandLine.value, cwd: e.execution.cwd?.fsPath, exitCode });
    }),
  );
}
