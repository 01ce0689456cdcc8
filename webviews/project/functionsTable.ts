import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { themeStyles } from '../shared/theme.styles';
import { isOpenable, locationText } from './codeLinks';
import type { FunctionStat } from './detailView';
import { emit } from './intents';
import { sectionStyles } from './section.styles';

/** The most complex functions; a function's name opens its file at its line (a button: Enter and Space too). */
@customElement('optimus-functions-table')
export class FunctionsTable extends LitElement {
  static override styles = [themeStyles, sectionStyles];

  @property({ attribute: false }) accessor functions: readonly FunctionStat[] = [];

  override render() {
    const fns = this.functions;
    return html`<section aria-labelledby="title">
      <h3 id="title">Most complex functions</h3>
      ${fns.length === 0
        ? html`<p class="summary muted">No function was measured: the analysis found none, or no file of the project was analyzed.</p>`
        : html`<p class="summary muted">The ${fns.length} functions with the most independent paths (cyclomatic complexity); cognitive complexity weighs nesting too.</p>
            <table>
              <thead><tr><th scope="col">Function</th><th scope="col">Where</th><th scope="col" class="num">Cyclomatic</th><th scope="col" class="num">Cognitive</th><th scope="col" class="num">Lines</th></tr></thead>
              <tbody>
                ${fns.map((f, i) => html`<tr>
                  <th scope="row">${isOpenable(f.file) ? html`<button class="link" data-i=${i} title="Open ${locationText(f.file, f.line)}" @click=${() => this.open(i)}>${f.name}</button>` : f.name}</th>
                  <td>${locationText(f.file, f.line)}</td>
                  <td class="num">${f.cyclomatic}</td>
                  <td class="num">${f.cognitive}</td>
                  <td class="num">${f.loc}</td>
                </tr>`)}
              </tbody>
            </table>`}
    </section>`;
  }

  private open(index: number): void {
    emit(this, { type: 'open', list: 'functions', index });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-functions-table': FunctionsTable;
  }
}

