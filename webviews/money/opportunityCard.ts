import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import type { OpportunityInfo } from './moneyInfo';
import { sectionStyles } from './section.styles';

/** An empty box before each gap: a to-do list of what stands between the project and this revenue model. */
const BOX = svg`<svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="2" y="2" width="12" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="1.4"></rect></svg>`;

/** One revenue model that fits the project: how sure Optimus is, why it fits, and what is missing. */
@customElement('optimus-opportunity')
export class OpportunityCard extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      :host {
        height: 100%;
      }
      article {
        height: 100%;
        box-sizing: border-box;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 4px 8px;
      }
      .confidence {
        display: flex;
        align-items: center;
        gap: 8px;
        margin: 6px 0;
      }
      meter {
        width: 8em;
        height: 0.8em;
      }
      meter::-webkit-meter-bar {
        background: var(--vscode-input-background, transparent);
        border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, #80808059));
        border-radius: 3px;
      }
      meter::-webkit-meter-optimum-value,
      meter::-webkit-meter-suboptimum-value,
      meter::-webkit-meter-even-less-good-value {
        background: var(--vscode-charts-blue, #1a85ff);
      }
      ul.gaps li {
        display: flex;
        gap: 6px;
        align-items: flex-start;
      }
      ul.gaps svg {
        flex: none;
        margin-top: 2px;
      }
      ul.signals {
        margin: 0;
        padding-inline-start: 1.2em;
      }
      h4 {
        margin: 8px 0 2px;
        font-size: 0.95em;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor opportunity: OpportunityInfo | null = null;

  override render() {
    const o = this.opportunity;
    if (!o) return nothing;
    const percent = `${Math.round(o.confidence * 100)}%`;
    return html`<article class="frame" aria-labelledby="title">
      <header>
        <h3 id="title">${o.title}</h3>
        <code>${o.model}</code>
      </header>
      <p class="confidence">
        <meter min="0" max="1" .value=${o.confidence} aria-label=${`Confidence ${percent}`}></meter>
        <span><span class="percent">${percent}</span> confidence</span>
      </p>
      ${o.signals.length === 0
        ? nothing
        : html`<h4 id="why">Why it fits</h4>
            <ul class="signals" aria-labelledby="why">
              ${o.signals.map((s) => html`<li>${s}</li>`)}
            </ul>`}
      <h4 id="gaps">Gaps</h4>
      ${o.gaps.length === 0
        ? html`<p class="muted">No known gaps.</p>`
        : html`<ul class="plain gaps" aria-labelledby="gaps">
            ${o.gaps.map((g) => html`<li>${BOX}<span><span class="visually-hidden">To do: </span>${g}</span></li>`)}
          </ul>`}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-opportunity': OpportunityCard;
  }
}
