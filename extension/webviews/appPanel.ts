import * as vscode from 'vscode';
import { newNonce, webviewHtml } from './webviewHtml';

/**
 * A webview panel for one app of webviews/ (`dist/webviews/<app>.js` and `.css`): scripts on, only that folder
 * readable, the page with its nonce CSP. Every panel host opens its panel through this one function.
 */
export function createAppPanel(context: vscode.ExtensionContext, viewType: string, title: string, app: string): vscode.WebviewPanel {
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webviews');
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [root] });
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'optimus.svg');
  const uri = (file: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  panel.webview.html = webviewHtml({ title, cspSource: panel.webview.cspSource, nonce: newNonce(), script: uri(`${app}.js`), style: uri(`${app}.css`) });
  return panel;
}
