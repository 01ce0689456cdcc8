import type * as vscode from 'vscode';

/** The end of a command's output is where its error is; this much is kept of each execution. */
const KEEP_CHARS = 256 * 1024;
/** The output stream ends with the execution; a shell that never closes it must not hold the diagnosis. */
const READ_GRACE_MS = 2000;

/** Terminal control sequences (colours, cursor moves, titles, shell-integration marks): not part of the text. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function plainText(raw: string): string {
  return raw.replace(ANSI, '').replace(/\r\n?/g, '\n');
}

/**
 * Starts reading an execution's output as soon as it starts (the stream only holds what comes after the
 * read begins); resolves with the last KEEP_CHARS of it, as plain text, once the stream ends or soon after
 * `ended` is called.
 */
export function collectOutput(execution: vscode.TerminalShellExecution): { text: Promise<string>; ended: () => void } {
  let buffer = '';
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const text = (async () => {
    const reading = (async () => {
      for await (const chunk of execution.read()) {
        buffer = (buffer + chunk).slice(-KEEP_CHARS * 2);
      }
    })().catch(() => undefined);
    await Promise.race([reading, done.then(() => new Promise((resolve) => setTimeout(resolve, READ_GRACE_MS)))]);
    return plainText(buffer).slice(-KEEP_CHARS);
  })();
  return { text, ended: finish };
}
