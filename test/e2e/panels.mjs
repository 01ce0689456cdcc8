// The dashboards in the real VS Code (issue 7): a Portfolio card opens the Project detail, which analyzes the
// project on request; the Money dashboard prices the hours when the hourly rate changes; the Runtime monitor
// shows a project's process and stops it; every panel is screenshotted in the light and the dark theme.
import path from 'node:path';
import { runCommand, selectColorTheme } from './workbench.mjs';

/** The page inside the one webview shown (hidden webviews are destroyed: panels do not retain their context). */
export const activeWebview = (page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** Portfolio card → Project detail → Analyze: the hotspots of the project's files appear. */
export async function cardToProjectDetail(page, project, { mark }) {
  const app = activeWebview(page);
  await app.locator('button.card', { hasText: project.name }).first().click();
  const detail = activeWebview(page);
  await detail.getByRole('heading', { level: 1, name: project.name }).waitFor({ timeout: 20_000 });
  mark(`clicking the ${project.name} card opened its Project detail`);
  const analyze = detail.getByRole('button', { name: 'Analyze Project', exact: true });
  await analyze.waitFor({ timeout: 20_000 });
  await analyze.click();
  await detail.locator('optimus-hotspot-treemap').first().waitFor({ state: 'attached', timeout: 60_000 });
  await detail.getByRole('heading', { name: /complex functions/i }).first().waitFor({ timeout: 20_000 });
  mark(`its Analyze button analyzed ${project.name}: the detail shows the hotspot treemap and the most complex functions`);
}

/** The Money dashboard, opened from a project's context menu: setting the hourly rate reprices the labour the git history shows. */
export async function rateUpdatesMoney(page, view, project, { mark }) {
  await view.contextMenu(project.name, 'Open Money Dashboard');
  const app = activeWebview(page);
  await app.getByRole('heading', { name: 'Return on investment' }).waitFor({ timeout: 30_000 });
  const picked = app.locator('vscode-single-select .select-face .text').first();
  await picked.filter({ hasText: new RegExp(`^${project.name}$`) }).waitFor({ timeout: 20_000 });
  const labour = app.locator('[data-figure="labour"] dd').first();
  await labour.waitFor({ timeout: 20_000 });
  const before = (await labour.textContent())?.trim();
  const rate = app.locator('vscode-textfield#rate input');
  await rate.fill('75');
  await rate.press('Enter');
  const detail = app.locator('[data-figure="labour"]').filter({ hasText: /× 75/ });
  await detail.first().waitFor({ timeout: 20_000 });
  const after = (await labour.textContent())?.trim();
  if (after === before) throw new Error(`the labour figure stayed "${before}" after the rate changed to 75`);
  mark(`the Money dashboard of ${project.name}: rate 75 turned labour from "${before}" into "${after}"`);
}

/** The Runtime monitor: a process listening in a project shows as its row; its Stop button (confirmed) ends it. */
export async function runtimeStops(page, project, holder, { mark, artifacts }) {
  await runCommand(page, 'Optimus: Open Runtime Monitor');
  const app = activeWebview(page);
  const row = app.locator(`li.row[data-path="${project.path}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.getByText(`:${holder.port}`).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(3_500); // a second sample, so the charts have a line
  await page.screenshot({ path: path.join(artifacts, 'runtime-running.png') });
  mark(`the Runtime monitor shows ${project.name} running (pid ${holder.pid}, port ${holder.port}) with its live charts`);
  await row.getByRole('button', { name: `Stop ${project.name}`, exact: true }).click();
  const dialog = page.locator('.monaco-dialog-box');
  if (await dialog.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
    await dialog.locator('.monaco-button', { hasText: /^Stop/ }).first().click();
  }
  await holder.gone('Stop in the Runtime monitor');
  mark(`its Stop button stopped pid ${holder.pid}`);
}

/** Each panel in the light and the dark theme, as test artifacts (`<panel>-light.png`, `<panel>-dark.png`). */
export async function screenshotPanels(page, artifacts, { mark }) {
  const panels = [
    ['portfolio', 'Optimus: Open Portfolio', 'optimus-activity-heatmap'],
    ['project-detail', 'Optimus: Open Project Detail', 'optimus-project-header'],
    ['money', 'Optimus: Open Money Dashboard', 'optimus-roi-figures'],
    ['runtime', 'Optimus: Open Runtime Monitor', 'h1'],
    ['troubleshooting-console', 'Optimus: Open Troubleshooting Console', 'vscode-textarea'],
  ];
  for (const [theme, label] of [['light', 'Light Modern'], ['dark', 'Dark Modern']]) {
    await selectColorTheme(page, label);
    for (const [name, command, ready] of panels) {
      await runCommand(page, command);
      await activeWebview(page).locator(ready).first().waitFor({ state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(400); // charts draw on the frame after their data
      await page.screenshot({ path: path.join(artifacts, `${name}-${theme}.png`) });
    }
  }
  mark(`every panel screenshotted in the light and the dark theme (${panels.length * 2} images)`);
}

/** After a window reload VS Code restores the open panels (WebviewPanelSerializer): the Money tab comes back filled. */
export async function panelsSurviveReload(page, { mark }) {
  await runCommand(page, 'Developer: Reload Window');
  const tab = page.locator('.tabs-container .tab', { hasText: 'Optimus Money' });
  await tab.first().waitFor({ state: 'visible', timeout: 60_000 });
  await tab.first().click();
  await activeWebview(page).getByRole('heading', { name: 'Return on investment' }).waitFor({ timeout: 60_000 });
  mark('after a window reload the Money panel is restored with its figures (WebviewPanelSerializer)');
}

/** Optimus: Ask… — a sentence in the input box shows what it understood, and Enter opens what it asked for. */
export async function askWhatsRunning(page, { mark }) {
  await runCommand(page, 'Optimus: Ask…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill("what's running?");
  const understood = page.locator('.quick-input-widget').getByText(/^→ /);
  await understood.first().waitFor({ timeout: 10_000 });
  const said = (await understood.first().textContent())?.trim();
  await input.press('Enter');
  await activeWebview(page).getByRole('heading', { level: 1, name: 'Runtime monitor' }).waitFor({ timeout: 20_000 });
  mark(`Ask: "what's running?" was understood as "${said}" and opened the Runtime monitor`);
}
