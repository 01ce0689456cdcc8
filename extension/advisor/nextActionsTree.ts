import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Recommendation, RecommendationAction } from '../../language-server/advisor/recommend/recommendation';
import { AdviseRequest } from '../../language-server/protocol';

/** Changes to projects and scores come in bursts (a scan, an analysis): one refresh after they settle. */
const REFRESH_DELAY_MS = 2000;
const MAX_ITEMS = 50;

const ICONS: Record<Recommendation['impact'], vscode.ThemeIcon> = {
  high: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  medium: new vscode.ThemeIcon('lightbulb'),
  low: new vscode.ThemeIcon('circle-small'),
};

/** The commands that carry out an item's action; each asks first where it runs or writes something. */
export const COMMANDS: Record<RecommendationAction['kind'], string> = {
  backup: 'optimus.backup',
  analyze: 'optimus.analyzeProject',
  diagnose: 'optimus.showTroubleshootingConsole',
  open: 'optimus.openInNewWindow',
};

/** "Next actions": the advisor's ranked list for the whole portfolio, refreshed when projects or scores change. */
export class NextActionsTree implements vscode.TreeDataProvider<Recommendation>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private items: Recommendation[] = [];
  private failure: string | null = null;

  constructor(private readonly client: () => LanguageClient) {}

  /** Asks for a new list soon (several calls in a row make one request). */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    try {
      this.items = (await this.client().sendRequest(AdviseRequest.type, {})).slice(0, MAX_ITEMS);
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.changed.fire();
  }

  getChildren(): Recommendation[] {
    return this.failure ? [] : this.items;
  }

  getTreeItem(r: Recommendation): vscode.TreeItem {
    const item = new vscode.TreeItem(r.title);
    item.id = r.id;
    item.description = `${r.impact} impact · ${r.effort}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${r.title}\n\n${r.why}\n\n${r.projectPath}`);
    item.iconPath = ICONS[r.impact];
    item.accessibilityInformation = { label: `${r.title}. ${r.why} ${r.impact} impact, ${r.effort} of effort.` };
    if (r.action) item.command = { title: r.title, command: COMMANDS[r.action.kind], arguments: [r.action.path] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
