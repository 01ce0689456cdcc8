/**
 * The names of every webview panel, in one place the activation can read without loading any panel's host:
 * the command that opens it, VS Code's view type (what a restored panel is known by) and its app in webviews/.
 */
export const PANELS = {
  portfolio: { command: 'optimus.showPortfolio', viewType: 'optimus.portfolio', title: 'Optimus Portfolio', app: 'portfolio', label: 'Portfolio' },
  console: { command: 'optimus.showTroubleshootingConsole', viewType: 'optimus.troubleshootingConsole', title: 'Optimus Troubleshooting', app: 'console', label: 'Troubleshooting console' },
  money: { command: 'optimus.showMoney', viewType: 'optimus.money', title: 'Optimus Money', app: 'money', label: 'Money dashboard' },
  runtime: { command: 'optimus.showRuntimeMonitor', viewType: 'optimus.runtimeMonitor', title: 'Optimus Runtime', app: 'runtime', label: 'Runtime monitor' },
  project: { command: 'optimus.showProjectDetail', viewType: 'optimus.projectDetail', title: 'Optimus Project', app: 'project', label: 'Project detail' },
} as const;

export type PanelName = keyof typeof PANELS;
