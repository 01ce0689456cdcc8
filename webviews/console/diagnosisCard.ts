import '@vscode-elements/elements/dist/vscode-button/index.js';
import './feedbackBar';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { paragraphs } from '../shared/plainText';
import { themeStyles } from '../shared/theme.styles';
import { diagnosisCardStyles } from './diagnosisCard.styles';
import { emit } from './intents';
import type { DiagnosisInfo, FixChoice } from './protocol';
import type { Verdict } from './verdicts';

/**
 * One diagnosis: the cause, how sure, why, where in the user's code, and the fixes as buttons. Every string
 * came from outside the webview and is bound as text.
 */
@customElement('optimus-diagnosis')
export class DiagnosisCard extends LitElement {
  static override styles = [themeStyles, diagnosisCardStyles];

  @property({ attribute: false }) accessor diagnosis: DiagnosisInfo | null = null;
  @property({ attribute: false }) accessor verdict: Verdict | null = null;
  @property({ attribute: false }) accessor diagnosisIds: string[] = [];

  override render() {
    const d = this.diagnosis;
    if (!d) return nothing;
    const percent = Math.round(d.confidence * 100);
    return html`
      <article aria-labelledby="title">
        <header>
          <h2 id="title">${d.title}</h2>
          <code aria-label="Diagnosis id">${d.id}</code>
        </header>
        <p class="summary">${d.summary}</p>
        <p class="confidence">
          <meter min="0" max="1" .value=${d.confidence} aria-label="Confidence"></meter>
          <span>${percent}% sure${d.by === 'classifier' ? ', by resemblance to known errors' : ''}</span>
        </p>
        <section aria-label="Explanation">${paragraphs(d.explanation)}</section>
        ${this.renderFrames(d)} ${this.renderFixes(d)}
        ${d.alternatives.length > 0 ? html`<p class="muted">Also possible: ${d.alternatives.map((a, i) => html`${i > 0 ? ', ' : ''}<code>${a}</code>`)}</p>` : nothing}
        ${d.historyId === null
          ? nothing
          : html`<optimus-feedback .historyId=${d.historyId} .verdict=${this.verdict} .choices=${choices(d, this.diagnosisIds)}></optimus-feedback>`}
      </article>
    `;
  }

  private renderFrames(d: DiagnosisInfo) {
    if (d.frames.length === 0) return nothing;
    return html`
      <section aria-labelledby="frames">
        <h3 id="frames">In your code</h3>
        <ul>
          ${d.frames.map(
            (f, i) => html`<li>
              <button class="link" data-frame=${i} aria-label=${`Open ${f.file} at line ${f.line}`} @click=${() => emit(this, { type: 'openFrame', ref: d.ref, frame: i })}>
                ${shortPath(f.file, d.projectPath)}:${f.line}${f.column === null ? '' : `:${f.column}`}
              </button>
              ${f.function ? html`<span class="muted">in <code>${f.function}</code></span>` : nothing}
            </li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderFixes(d: DiagnosisInfo) {
    if (d.fixes.length === 0) return html`<p class="muted">Optimus knows no fix for this; the explanation says where to look.</p>`;
    return html`
      <section aria-labelledby="fixes">
        <h3 id="fixes">Fixes</h3>
        <ul class="fixes">
          ${d.fixes.map((f, i) => this.renderFix(d, f, i))}
        </ul>
      </section>
    `;
  }

  private renderFix(d: DiagnosisInfo, f: FixChoice, index: number) {
    return html`<li>
      <vscode-button data-fix-key=${f.key} ?secondary=${index > 0} aria-label=${`${actionOf(f)}: ${f.title}`} @click=${() => emit(this, { type: 'applyFix', ref: d.ref, fixKey: f.key })}>
        ${f.title}
      </vscode-button>
      ${f.command ? html`<code aria-label="Runs after you confirm">${f.command}</code>` : nothing}
      ${f.guide ? html`<div class="guide">${paragraphs(f.guide)}</div>` : nothing}
    </li>`;
  }
}

/** What pressing a fix does, for screen readers: a shell line is shown to confirm first; guides open a page. */
function actionOf(f: FixChoice): string {
  if (f.kind !== 'command') return 'Show how to fix';
  return f.command ? 'Apply fix (asks before running)' : 'Apply fix';
}

/** The ids to offer under "It was…": the alternatives first, then the rest of the taxonomy. */
function choices(d: DiagnosisInfo, ids: readonly string[]): string[] {
  return [...new Set([...d.alternatives, ...ids])].filter((id) => id !== d.id && id !== 'unknown');
}

function shortPath(file: string, project: string | null): string {
  if (project && file.startsWith(project) && /[\\/]/.test(file.charAt(project.length))) return file.slice(project.length + 1);
  return file;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-diagnosis': DiagnosisCard;
  }
}
