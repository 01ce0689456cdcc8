import * as vscode from 'vscode';
import { describeDropped, type Guard } from '../../webviews/shared/guards';
import { errorText } from '../commands/pickProject';
import { loadApp } from './appPanel';

/** What makes one kind of panel: its webview app and the two guards of its protocol. */
export interface PanelKind<C extends { type: string }, M extends { type: string }> {
  viewType: string;
  title: string;
  /** The app in webviews/ (built to dist/webviews/<app>.js). */
  app: string;
  /** How log lines name it. */
  label: string;
  isCommand: Guard<C>;
  isMessage: Guard<M>;
}

/**
 * The host side every panel shares: one panel per kind, each command from the page checked by the protocol's
 * guard before it is acted on, each message to the page checked before it is sent (so a bug here shows in the
 * log rather than as silence), and nothing sent after the panel closed.
 */
export abstract class PanelHost<C extends { type: string }, M extends { type: string }> implements vscode.Disposable {
  private static readonly open = new Map<string, PanelHost<{ type: string }, { type: string }>>();

  protected readonly disposables: vscode.Disposable[] = [];
  protected disposed = false;

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    protected readonly kind: PanelKind<C, M>,
    protected readonly log: vscode.LogOutputChannel,
  ) {
    PanelHost.open.set(kind.viewType, this as unknown as PanelHost<{ type: string }, { type: string }>);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
    );
  }

  /** Brings the open panel of this kind to the front and returns it, or returns undefined when none is open. */
  protected static reveal<T>(viewType: string): T | undefined {
    const open = PanelHost.open.get(viewType);
    open?.panel.reveal();
    return open as T | undefined;
  }

  /** A new panel of this kind, its page loaded. */
  protected static createPanel(context: vscode.ExtensionContext, kind: PanelKind<{ type: string }, { type: string }>): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(kind.viewType, kind.title, vscode.ViewColumn.Active);
    loadApp(context, panel, kind.app);
    return panel;
  }

  protected abstract handle(command: C): Promise<void>;

  /** After a command failed and the failure is logged: a panel that can show errors tells its page here. */
  protected failed(_command: C, _error: unknown): void {}

  /** Clears what the panel holds beyond its disposables (timers, caches). */
  protected released(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (PanelHost.open.get(this.kind.viewType) === (this as unknown)) PanelHost.open.delete(this.kind.viewType);
    this.released();
    this.panel.dispose();
    this.disposables.splice(0).forEach((d) => d.dispose());
  }

  /** After a message the page would refuse was logged and not sent. */
  protected refused(_message: M): void {}

  /** Sends a message if the page would accept it. */
  protected post(message: M): void {
    const unsent: M = message; // the guard narrows `message` to never below
    if (this.disposed) return; // an answer that arrives after the panel closed has nowhere to go
    if (this.kind.isMessage(message)) return void this.panel.webview.postMessage(message);
    this.log.error(`${this.kind.label}: not sending a "${unsent.type}" message the page would refuse`);
    this.refused(unsent);
  }

  private receive(message: unknown): void {
    if (!this.kind.isCommand(message)) return this.log.warn(`${this.kind.label}: dropped a message outside its protocol (${describeDropped(message)})`);
    this.handle(message).catch((error: unknown) => {
      this.log.error(`${this.kind.label}: ${message.type} failed: ${errorText(error)}`);
      this.failed(message, error);
    });
  }
}

/**
 * Lets VS Code restore a panel of this kind after a window reload: the page comes back from its saved state
 * (`setState`) and asks the host for the rest, so the host is made again around the restored panel.
 */
export function registerPanelRevival(context: vscode.ExtensionContext, viewType: string, app: string, revive: (panel: vscode.WebviewPanel) => void): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
      loadApp(context, panel, app);
      revive(panel);
    },
  });
}
