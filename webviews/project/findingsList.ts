import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { isOpenable, locationText } from './codeLinks';
import { SEVERITIES, type Category, type FindingItem } from './detailView';
import { countText, plural } from './format';
import { emit } from './intents';
import { sectionStyles } from './section.styles';
import { severityIcon } from './severityIcons';

/** Security first: what the user should read before the rest. */
const ORDER: readonly Category[] = ['security', 'quality', 'performance', 'debt'];
const NAMES: Record<Category, string> = { security: 'Security', quality: 'Quality', performance: 'Performance', debt: 'Technical debt' };

/**
 * The findings the server listed, grouped by category with each category's full count; a finding in a file of
 * the project is a button that opens the file at its line.
 */
@customElement('optimus-findings-list')
export class FindingsList extends LitElement {
  static override styles = [
    themeStyles,
    sectionStyles,
    css`
      ul {
        list-style: none;
        margin: 4px 0 8px;
        padding: 0;
      }
      li {
        border-bottom: 1px solid var(--vscode-charts-lines, var(--vscode-panel-border, #80808059));
      }
      .finding {
        display: grid;
        grid-template-columns: 18px minmax(0, 1fr);
        gap: 0 4px;
        width: 100%;
        padding: 4px 2px;
        background: none;
        border: none;
        color: inherit;
        font: inherit;
        text-align: start;
      }
      button.finding {
        cursor: pointer;
      }
      button.finding:hover {
        background: var(--vscode-list-hoverBackground);
      }
      .message {
        overflow-wrap: anywhere;
      }
      .where {
        grid-column: 2;
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      button.finding .where {
        color: var(--vscode-textLink-foreground);
      }
      summary {
        cursor: pointer;
        padding: 4px 0;
      }
      .category {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor findings: readonly FindingItem[] = [];
  @property({ attribute: false }) accessor counts: Record<Category, number> = { quality: 0, security: 0, performance: 0, debt: 0 };

  override render() {
    const total = ORDER.reduce((s, c) => s + this.counts[c], 0);
    return html`<section aria-labelledby="title">
      <h3 id="title">Findings</h3>
      <p class="summary muted">${summaryOf(total, this.findings.length, this.counts)}</p>
      ${ORDER.filter((c) => this.counts[c] > 0).map((c) => this.renderCategory(c))}
    </section>`;
  }

  private renderCategory(category: Category) {
    const rows = this.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.category === category);
    const bySeverity = SEVERITIES.map((s) => [s, rows.filter((r) => r.f.severity === s).length] as const).filter(([, n]) => n > 0);
    return html`<details open data-category=${category}>
      <summary><span class="category">${NAMES[category]}</span> <span class="muted">${countText(this.counts[category])}${bySeverity.length > 0 ? ` · listed: ${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}` : ''}</span></summary>
      ${rows.length === 0
        ? html`<p class="muted">None of them is among the findings listed: the list keeps errors first.</p>`
        : html`<ul>
            ${rows.map(({ f, i }) => html`<li>${this.renderFinding(f, i)}</li>`)}
          </ul>`}
    </details>`;
  }

  private renderFinding(f: FindingItem, index: number) {
    const body = html`${severityIcon(f.severity)}<span class="message">${f.message}</span><span class="where"
        >${locationText(f.file, f.line)} · ${f.ruleId}</span
      >`;
    if (!isOpenable(f.file)) return html`<div class="finding" data-i=${index}>${body}</div>`;
    return html`<button class="finding" data-i=${index} @click=${() => emit(this, { type: 'open', list: 'findings', index })}>${body}</button>`;
  }
}

function summaryOf(total: number, listed: number, counts: Record<Category, number>): string {
  if (total === 0) return 'The last analysis found nothing to report.';
  const parts = ORDER.filter((c) => counts[c] > 0).map((c) => `${countText(counts[c])} ${NAMES[c].toLowerCase()}`);
  const cut = listed < total ? ` The first ${countText(listed)} are listed, errors first.` : '';
  return `${plural(total, 'finding')}: ${parts.join(', ')}.${cut}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-findings-list': FindingsList;
  }
}

