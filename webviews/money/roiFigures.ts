import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { amount, count, hours, paybackText, roiText } from './format';
import type { MoneyInfo } from './moneyInfo';
import { sectionStyles } from './section.styles';

interface Figure {
  key: string;
  label: string;
  value: string;
  detail?: string;
  /** A loss, shown in the error colour (the minus sign says it too). */
  loss?: boolean;
}

/** The return on the project: the hours put in, what they and the costs add up to, what came back, and when it pays back. */
@customElement('optimus-roi-figures')
export class RoiFigures extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
        gap: 12px;
        margin: 0;
      }
      .figure {
        padding: 8px 10px;
        border: 1px solid var(--vscode-contrastBorder, var(--vscode-panel-border, transparent));
        border-radius: 4px;
        background: var(--vscode-editorWidget-background, transparent);
      }
      dt {
        color: var(--vscode-descriptionForeground);
        font-size: 0.92em;
      }
      dd {
        margin: 2px 0 0;
        font-size: 1.3em;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      dd.words {
        font-size: 1em;
      }
      .detail {
        display: block;
        font-size: 0.77em;
        font-weight: normal;
        color: var(--vscode-descriptionForeground);
      }
      .loss {
        color: var(--vscode-errorForeground);
      }
    `,
  ];

  @property({ attribute: false }) accessor view: MoneyInfo | null = null;

  override render() {
    const v = this.view;
    if (!v) return nothing;
    return html`<dl>
      ${figuresOf(v).map(
        (f) => html`<div class="figure" data-figure=${f.key}>
          <dt>${f.label}</dt>
          <dd class=${[f.key === 'payback' ? 'words' : '', f.loss ? 'loss' : ''].join(' ').trim()}>
            <span class="value">${f.value}</span>${f.detail ? html`<span class="detail">${f.detail}</span>` : nothing}
          </dd>
        </div>`,
      )}
    </dl>`;
  }
}

/** Every figure the server sent, worded; none is derived here but the hours × rate line that explains labour. */
export function figuresOf(v: MoneyInfo): Figure[] {
  const f = v.figures;
  const h = v.hours;
  return [
    { key: 'hours', label: 'Hours', value: hours(h.hours), detail: 'estimated from commit times' },
    { key: 'sessions', label: 'Sessions', value: count(h.sessions) },
    { key: 'commits', label: 'Commits', value: count(h.commits) },
    { key: 'labour', label: 'Labour', value: amount(f.labour), detail: v.hourlyRate === null ? 'no hourly rate set' : `${hours(h.hours)} × ${amount(v.hourlyRate)}` },
    { key: 'costs', label: 'Costs to date', value: amount(f.costsToDate) },
    { key: 'revenue', label: 'Revenue to date', value: amount(f.revenueToDate) },
    { key: 'invested', label: 'Invested', value: amount(f.invested), detail: 'labour and costs' },
    { key: 'roi', label: 'Return on investment', value: roiText(f.roi), loss: f.roi !== null && f.roi < 0 },
    { key: 'costPerMonth', label: 'Costs per month', value: amount(f.costPerMonth) },
    { key: 'revenuePerMonth', label: 'Revenue per month', value: amount(f.revenuePerMonth) },
    { key: 'payback', label: 'Payback', value: paybackText(f) },
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-roi-figures': RoiFigures;
  }
}
