import { THEMES, type ThemeFixture } from './themes';

/**
 * The `charts.*` colours (and the widget background cards sit on) VS Code sets with each theme, added to the
 * shared theme fixtures: the portfolio's charts read them. Values of Light+, Dark+ and Dark High Contrast.
 */
const CHART_VARS: Record<ThemeFixture['name'], Record<string, string>> = {
  light: {
    '--vscode-charts-foreground': '#616161',
    '--vscode-charts-lines': '#61616180',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-purple': '#652d90',
    '--vscode-editorWidget-background': '#f3f3f3',
  },
  dark: {
    '--vscode-charts-foreground': '#cccccc',
    '--vscode-charts-lines': '#cccccc80',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-editorWidget-background': '#252526',
  },
  'high-contrast': {
    '--vscode-charts-foreground': '#ffffff',
    '--vscode-charts-lines': '#ffffff80',
    '--vscode-charts-red': '#f48771',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#ffd370',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-editorWidget-background': '#0c141f',
  },
};

export const PORTFOLIO_THEMES: ThemeFixture[] = THEMES.map((t) => ({ ...t, vars: { ...t.vars, ...CHART_VARS[t.name] } }));
