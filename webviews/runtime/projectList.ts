import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { themeStyles } from '../shared/theme.styles';
import { emit } from './intents';
import { projectListStyles } from './projectList.styles';
import { projectRow } from './projectRow';
import type { ProjectHistory, RunningProject, UsageSample } from './protocol';

const NO_SAMPLES: readonly UsageSample[] = [];

/**
 * The running projects, keyed by path: a live update changes each row's figures and charts in place, never
 * the rows themselves. The arrow keys move the focus to the same control of the row above or below (Stop to
 * Stop, a port to the port in its place), Home and End to the first and last row.
 */
@customElement('optimus-runtime-projects')
export class ProjectList extends LitElement {
  static override styles = [themeStyles, projectListStyles];

  @property({ attribute: false }) accessor projects: readonly RunningProject[] = [];
  @property({ attribute: false }) accessor history: readonly ProjectHistory[] = [];
  @property({ attribute: false }) accessor end = 0;
  @property({ attribute: false }) accessor windowMs = 600_000;
  private samplesOf = new Map<string, readonly UsageSample[]>();

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('history')) this.samplesOf = new Map(this.history.map((h) => [h.path, h.samples]));
  }

  override render() {
    const w = { end: this.end, windowMs: this.windowMs };
    return html`<ul class="rows" aria-label="Running projects" @click=${this.onClick} @keydown=${this.onKeyDown}>
      ${repeat(
        this.projects,
        (p) => p.path,
        (p) => projectRow(p, this.samplesOf.get(p.path) ?? NO_SAMPLES, w),
      )}
    </ul>`;
  }

  private onClick(event: MouseEvent): void {
    const control = actionOf(event);
    const path = control?.closest<HTMLElement>('li.row')?.dataset.path;
    if (!control || !path) return;
    if (control.dataset.action === 'stop') emit(this, { type: 'stop', path });
    if (control.dataset.action === 'openPort') emit(this, { type: 'openPort', path, port: Number(control.dataset.port) });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('li.row')];
    const focused = this.shadowRoot?.activeElement;
    const nav = focused instanceof HTMLElement ? focused.dataset.nav : undefined;
    const at = rows.findIndex((r) => r.contains(focused ?? null));
    if (!nav || at === -1) return;
    const moves: Record<string, number> = { ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: rows.length - 1 };
    const row = rows[moves[event.key] ?? -1];
    if (!row) return;
    event.preventDefault();
    (row.querySelector<HTMLElement>(`[data-nav="${nav}"]`) ?? row.querySelector<HTMLElement>('[data-nav="stop"]'))?.focus();
  }
}

function actionOf(event: Event): HTMLElement | undefined {
  return event.composedPath().find((t): t is HTMLElement => t instanceof HTMLElement && t.dataset.action !== undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-runtime-projects': ProjectList;
  }
}
