import '@vscode-elements/elements/dist/vscode-button/index.js';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { count, dayLabel } from './format';
import { emit } from './intents';
import type { GithubInfo, MarketInfo, NpmInfo } from './moneyInfo';
import { sectionStyles } from './section.styles';

/**
 * npm downloads and GitHub figures, when the user turned them on. Only numbers the public APIs answered are
 * shown; a source without an answer says "no data", with the notes that say why.
 */
@customElement('optimus-market')
export class MarketSection extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      dl.sources {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 0 0 8px;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) accessor market: MarketInfo = { state: 'off' };

  override render() {
    const m = this.market;
    if (m.state === 'off') {
      return html`<p>
          Market figures are off. With the setting <code>optimus.advisor.marketSignals</code> on, Optimus asks npm for the package's downloads and GitHub for the repository's stars, forks and watchers (in trusted workspaces
          only), and weighs them in the revenue models.
        </p>
        <vscode-button secondary @click=${() => emit(this, { type: 'openMarketSetting' })}>Open the setting</vscode-button>`;
    }
    return html`<dl class="sources">
        <dt>npm</dt>
        <dd data-source="npm">${m.npm ? npmText(m.npm) : noData()}</dd>
        <dt>GitHub</dt>
        <dd data-source="github">${m.github ? githubText(m.github) : noData()}</dd>
      </dl>
      ${m.notes.length === 0
        ? nothing
        : html`<ul class="plain notes" aria-label="About the market figures">
            ${m.notes.map((n) => html`<li class="muted">${n}</li>`)}
          </ul>`}`;
  }
}

function noData() {
  return html`<span class="muted">no data</span>`;
}

function npmText(n: NpmInfo) {
  return html`<code>${n.package}</code>: ${count(n.weeklyDownloads)} downloads in the last week, ${count(n.monthlyDownloads)} in the last 30 days
    <span class="muted">(read ${dayLabel(n.fetchedAt)})</span>`;
}

function githubText(g: GithubInfo) {
  const pushed = g.pushedAt === null ? '' : `, last push ${dayLabel(g.pushedAt)}`;
  return html`<code>${g.repo}</code>: ${count(g.stars)} stars, ${count(g.forks)} forks, ${count(g.watchers)} watchers, ${count(g.openIssues)} open issues and pull requests${pushed}${g.archived
      ? ' (archived)'
      : ''}
    <span class="muted">(read ${dayLabel(g.fetchedAt)})</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-market': MarketSection;
  }
}
