/**
 * What VS Code puts on a webview for its three kinds of theme: a class on <body> and the theme's colours as
 * --vscode-* variables on <html>. The values are those of Light+, Dark+ and Dark High Contrast for the
 * variables the webviews and @vscode-elements/elements read.
 */
export interface ThemeFixture {
  name: 'light' | 'dark' | 'high-contrast';
  bodyClass: string;
  kind: string;
  vars: Record<string, string>;
}

const FONTS = {
  '--vscode-font-family': "system-ui, 'Ubuntu', 'Droid Sans', sans-serif",
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': "'Droid Sans Mono', 'monospace', monospace",
  '--vscode-editor-font-size': '14px',
};

export const THEMES: ThemeFixture[] = [
  {
    name: 'light',
    bodyClass: 'vscode-light',
    kind: 'vscode-light',
    vars: {
      ...FONTS,
      '--vscode-foreground': '#616161',
      '--vscode-editor-background': '#ffffff',
      '--vscode-editor-foreground': '#000000',
      '--vscode-descriptionForeground': '#717171',
      '--vscode-errorForeground': '#a1260d',
      '--vscode-focusBorder': '#0090f1',
      '--vscode-textLink-foreground': '#006ab1',
      '--vscode-textLink-activeForeground': '#006ab1',
      '--vscode-textCodeBlock-background': '#dcdcdc66',
      '--vscode-button-background': '#007acc',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-hoverBackground': '#0062a3',
      '--vscode-button-secondaryBackground': '#5f6a79',
      '--vscode-button-secondaryForeground': '#ffffff',
      '--vscode-button-secondaryHoverBackground': '#4c5561',
      '--vscode-input-background': '#ffffff',
      '--vscode-input-placeholderForeground': '#767676',
      '--vscode-settings-textInputBackground': '#ffffff',
      '--vscode-settings-textInputForeground': '#616161',
      '--vscode-settings-textInputBorder': '#cecece',
      '--vscode-settings-dropdownBackground': '#ffffff',
      '--vscode-settings-dropdownForeground': '#616161',
      '--vscode-settings-dropdownBorder': '#cecece',
      '--vscode-settings-dropdownListBorder': '#c8c8c8',
      '--vscode-list-hoverBackground': '#e8e8e8',
      '--vscode-list-activeSelectionBackground': '#0060c0',
      '--vscode-list-activeSelectionForeground': '#ffffff',
      '--vscode-list-focusOutline': '#0090f1',
      '--vscode-progressBar-background': '#0e70c0',
      '--vscode-panel-border': '#80808059',
      '--vscode-widget-shadow': '#00000029',
    },
  },
  {
    name: 'dark',
    bodyClass: 'vscode-dark',
    kind: 'vscode-dark',
    vars: {
      ...FONTS,
      '--vscode-foreground': '#cccccc',
      '--vscode-editor-background': '#1e1e1e',
      '--vscode-editor-foreground': '#d4d4d4',
      '--vscode-descriptionForeground': '#ccccccb3',
      '--vscode-errorForeground': '#f48771',
      '--vscode-focusBorder': '#007fd4',
      '--vscode-textLink-foreground': '#3794ff',
      '--vscode-textLink-activeForeground': '#3794ff',
      '--vscode-textCodeBlock-background': '#0a0a0a66',
      '--vscode-button-background': '#0e639c',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-hoverBackground': '#1177bb',
      '--vscode-button-secondaryBackground': '#3a3d41',
      '--vscode-button-secondaryForeground': '#ffffff',
      '--vscode-button-secondaryHoverBackground': '#45494e',
      '--vscode-input-background': '#3c3c3c',
      '--vscode-input-placeholderForeground': '#a6a6a6',
      '--vscode-settings-textInputBackground': '#292929',
      '--vscode-settings-textInputForeground': '#cccccc',
      '--vscode-settings-textInputBorder': '#3c3c3c',
      '--vscode-settings-dropdownBackground': '#3c3c3c',
      '--vscode-settings-dropdownForeground': '#f0f0f0',
      '--vscode-settings-dropdownBorder': '#3c3c3c',
      '--vscode-settings-dropdownListBorder': '#454545',
      '--vscode-list-hoverBackground': '#2a2d2e',
      '--vscode-list-activeSelectionBackground': '#04395e',
      '--vscode-list-activeSelectionForeground': '#ffffff',
      '--vscode-list-focusOutline': '#007fd4',
      '--vscode-progressBar-background': '#0e70c0',
      '--vscode-panel-border': '#80808059',
      '--vscode-widget-shadow': '#0000005c',
    },
  },
  {
    name: 'high-contrast',
    bodyClass: 'vscode-high-contrast',
    kind: 'vscode-high-contrast',
    vars: {
      ...FONTS,
      '--vscode-foreground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-editor-foreground': '#ffffff',
      '--vscode-descriptionForeground': '#ffffff',
      '--vscode-errorForeground': '#f48771',
      '--vscode-focusBorder': '#f38518',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-textLink-activeForeground': '#21a6ff',
      '--vscode-textCodeBlock-background': '#000000',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-button-border': '#6fc3df',
      '--vscode-button-secondaryBackground': '#000000',
      '--vscode-button-secondaryForeground': '#ffffff',
      '--vscode-input-background': '#000000',
      '--vscode-input-placeholderForeground': '#ffffffb3',
      '--vscode-settings-textInputBackground': '#000000',
      '--vscode-settings-textInputForeground': '#ffffff',
      '--vscode-settings-textInputBorder': '#6fc3df',
      '--vscode-settings-dropdownBackground': '#000000',
      '--vscode-settings-dropdownForeground': '#ffffff',
      '--vscode-settings-dropdownBorder': '#6fc3df',
      '--vscode-settings-dropdownListBorder': '#6fc3df',
      '--vscode-list-hoverBackground': '#000000',
      '--vscode-list-activeSelectionBackground': '#000000',
      '--vscode-list-activeSelectionForeground': '#ffffff',
      '--vscode-list-focusOutline': '#f38518',
      '--vscode-progressBar-background': '#6fc3df',
      '--vscode-panel-border': '#6fc3df',
    },
  },
];

/** Sets a theme on the page as VS Code does, replacing the one before. */
export const APPLY_THEME = (theme: ThemeFixture): void => {
  const doc = (globalThis as unknown as { document: ThemedDocument }).document;
  doc.body.className = theme.bodyClass;
  doc.body.setAttribute('data-vscode-theme-kind', theme.kind);
  doc.documentElement.removeAttribute('style');
  for (const [name, value] of Object.entries(theme.vars)) doc.documentElement.style.setProperty(name, value);
};

interface ThemedDocument {
  body: { className: string; setAttribute(name: string, value: string): void };
  documentElement: { removeAttribute(name: string): void; style: { setProperty(name: string, value: string): void } };
}
