import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RunInputNotification, type RunInfo } from '../../language-server/protocol';

interface OpenTerminal {
  terminal: vscode.Terminal;
  write: (text: string) => void;
  dispose: () => void;
  runId: string;
}

/**
 * One VS Code terminal per project for the runs Optimus starts. The process lives in the language server
 * (which holds its environment, including .env values that never cross to this side); the terminal shows
 * its output and sends keystrokes back. Closing the terminal stops its run if it still runs, as closing a
 * shell's terminal would.
 */
export class RunTerminals implements vscode.Disposable {
  private byPath = new Map<string, OpenTerminal>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: () => LanguageClient, private readonly stopRun: (path: string, runId: string) => Promise<void>) {
    this.subscription = vscode.window.onDidCloseTerminal((t) => this.closed(t));
  }

  /** Shows the run's terminal, creating it (with the output so far) when there is none for this run. */
  show(run: RunInfo, name: string, history = ''): void {
    const open = this.byPath.get(run.path);
    if (open && open.runId === run.runId) return open.terminal.show(true);
    open?.terminal.dispose();
    // VS Code drops what a pseudoterminal writes before it is opened: output that comes sooner waits here.
    const emitter = new vscode.EventEmitter<string>();
    let pending: string | null = toTerminal(history);
    const write = (text: string): void => (pending === null ? emitter.fire(text) : void (pending += text));
    const pty: vscode.Pseudoterminal = {
      onDidWrite: emitter.event,
      open: () => {
        const first = pending ?? '';
        pending = null;
        if (first) emitter.fire(first);
      },
      close: () => undefined,
      handleInput: (data) => void this.client().sendNotification(RunInputNotification.type, { runId: run.runId, data }),
    };
    const terminal = vscode.window.createTerminal({ name: `Optimus: ${name}`, pty, iconPath: new vscode.ThemeIcon('play-circle') });
    this.byPath.set(run.path, { terminal, write, dispose: () => emitter.dispose(), runId: run.runId });
    terminal.show(true);
  }

  output(runId: string, data: string): void {
    this.byRun(runId)?.write(toTerminal(data));
  }

  exited(run: RunInfo): void {
    const how = run.signal ? `was stopped (${run.signal})` : `exited with code ${run.exitCode ?? '?'}`;
    this.byRun(run.runId)?.write(`\r\n\x1b[2m[Optimus] ${run.command} ${how}.\x1b[0m\r\n`);
  }

  hasTerminal(path: string): boolean {
    return this.byPath.has(path);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const open of this.byPath.values()) open.terminal.dispose();
    this.byPath.clear();
  }

  private byRun(runId: string): OpenTerminal | undefined {
    return [...this.byPath.values()].find((o) => o.runId === runId);
  }

  private closed(terminal: vscode.Terminal): void {
    for (const [path, open] of this.byPath) {
      if (open.terminal !== terminal) continue;
      this.byPath.delete(path);
      open.dispose();
      void this.stopRun(path, open.runId);
    }
  }
}

/** Output from plain pipes has bare line feeds; a terminal needs carriage returns too. */
function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
