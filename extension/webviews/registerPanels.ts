import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScoresModel } from '../analysis/scoresModel';
import { errorText, projectPathOf } from '../commands/pickProject';
import type { ProjectsModel } from '../projectsModel';
import type { RuntimeModel } from '../runtime/runtimeModel';
import type { DiagnosisView } from '../troubleshooter/diagnosisView';
import { registerPanelRevival } from './panelHost';
import { PANELS, type PanelName } from './panelKinds';

export interface PanelDeps {
  client: () => LanguageClient;
  projects: ProjectsModel;
  scores: ScoresModel;
  runtime: RuntimeModel;
  view: () => DiagnosisView;
  log: vscode.LogOutputChannel;
}

/** Opens a panel (or brings it to the front), or makes its host again around a panel restored after a reload. */
type Opener = (restored: vscode.WebviewPanel | undefined, args: unknown[]) => Promise<unknown>;

/**
 * Every panel's command and revival. A panel's host is loaded on first use: activation pays for none of them
 * (and loading the Portfolio host at activation once broke the tree's Start action in the e2e run).
 */
export function registerPanels(context: vscode.ExtensionContext, deps: PanelDeps): vscode.Disposable[] {
  const openers: Record<PanelName, Opener> = {
    portfolio: async (restored) => {
      const { PortfolioPanel } = await import('./portfolioPanel');
      return restored ? PortfolioPanel.revive(restored, deps) : PortfolioPanel.show(context, deps);
    },
    console: async (restored) => {
      const { ConsolePanel } = await import('./consolePanel');
      const consoleDeps = { ...deps, view: deps.view() };
      return restored ? ConsolePanel.revive(restored, consoleDeps) : ConsolePanel.show(context, consoleDeps);
    },
    money: async (restored, args) => {
      const { MoneyPanel } = await import('./moneyPanel');
      return restored ? MoneyPanel.revive(restored, deps) : MoneyPanel.show(context, deps, projectPathOf(args[0]));
    },
    runtime: async (restored) => {
      const { RuntimePanel } = await import('./runtimePanel');
      return restored ? RuntimePanel.revive(restored, deps) : RuntimePanel.show(context, deps);
    },
    project: async (restored, args) => {
      const { ProjectPanel } = await import('./projectPanel');
      return restored ? ProjectPanel.revive(restored, deps) : ProjectPanel.show(context, deps, projectPathOf(args[0]));
    },
  };
  return (Object.keys(PANELS) as PanelName[]).flatMap((name) => {
    const { command, viewType, app, label } = PANELS[name];
    const opener = openers[name];
    const open = (restored: vscode.WebviewPanel | undefined, args: unknown[]) =>
      opener(restored, args).catch((error: unknown) => {
        deps.log.error(`${label}: could not open: ${errorText(error)}`);
        void vscode.window.showErrorMessage(`Optimus could not open the ${label}: ${errorText(error)}`);
      });
    return [
      vscode.commands.registerCommand(command, (...args: unknown[]) => open(undefined, args)),
      registerPanelRevival(context, viewType, app, (panel) => void open(panel, [])),
    ];
  });
}
