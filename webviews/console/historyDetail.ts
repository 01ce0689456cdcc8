import './feedbackBar';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { ago } from '../shared/when';
import type { HistoryEntry } from './protocol';
import type { Verdict } from './verdicts';

/**
 * A row of the history, shown where the diagnosis goes. The history keeps the cause and the line that named it,
 * not the whole text, so this shows those and what each fix did.
 */
@customElement('optimus-history-detail')
export class HistoryDetail extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      pre {
        font-family: var(--vscode-editor-font-family);
        background: var(--vscode-textCodeBlock-background);
        padding: 6px 8px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) accessor row: HistoryEntry | null = null;
  @property({ attribute: false }) accessor verdict: Verdict | null = null;
  @property({ attribute: false }) accessor diagnosisIds: string[] = [];

  override render() {
    const r = this.row;
    if (!r) return nothing;
    return html`
      <article aria-labelledby="title">
        <h2 id="title">${r.diagnosis}</h2>
        <p>${r.summary}</p>
        <p class="muted">
          ${Math.round(r.confidence * 100)}% sure · from ${r.source} · <span title=${r.createdAt}>${ago(r.createdAt)}</span>${r.projectPath ? ` · ${r.projectPath}` : ''}
        </p>
        <pre aria-label="The line that named the cause">${r.excerpt}</pre>
        ${r.outcomes.length === 0
          ? html`<p class="muted">No fix was applied.</p>`
          : html`<h3>Fixes applied</h3>
              <ul>
                ${r.outcomes.map((o) => html`<li><code>${o.fix}</code>: ${o.outcome}${o.exitCode === null ? '' : ` (exit ${o.exitCode})`}</li>`)}
              </ul>`}
        <optimus-feedback .historyId=${r.id} .verdict=${this.verdict} .choices=${this.diagnosisIds.filter((id) => id !== r.diagnosis && id !== 'unknown')}></optimus-feedback>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-history-detail': HistoryDetail;
  }
}
