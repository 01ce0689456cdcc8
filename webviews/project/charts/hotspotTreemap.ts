import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { chartStyles } from '../../shared/charts/chart.styles';
import { chartFigure } from '../../shared/charts/chartFigure';
import { themeStyles } from '../../shared/theme.styles';
import type { FileStat } from '../detailView';
import { countText, plural } from '../format';
import { emit } from '../intents';
import { treemapStyles } from './treemap.styles';
import { COMPLEXITY_BANDS, LEVELS, neighbour, treemapLayout, type Tile, type TreemapLayout } from './treemapLayout';

const W = 800;
const H = 420;
/** A tile gets its file name drawn on it only when the name has room. */
const LABEL_MIN_W = 56;
const LABEL_MIN_H = 14;

/**
 * The project's files as a treemap: area is lines, colour the most complex function's band. The tiles are one
 * tab stop; the arrow keys move to the next tile that way, Enter or Space opens its file, and the readout
 * below says the file and its figures.
 */
@customElement('optimus-hotspot-treemap')
export class HotspotTreemap extends LitElement {
  static override styles = [themeStyles, chartStyles, treemapStyles];

  @property({ attribute: false }) accessor files: readonly FileStat[] = [];
  /** The tile holding the tab stop, by index into the layout's tiles. */
  @state() private accessor active = 0;
  /** The tile under the pointer, shown in the readout in place of the active one. */
  @state() private accessor hovered: number | null = null;
  /** The table of every file is drawn only once asked for: 2,000 rows cost more than the treemap. */
  @state() private accessor tableOpen = false;
  private layout: TreemapLayout = { tiles: [], folders: [], hidden: 0 };

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('files')) return;
    this.layout = treemapLayout(this.files, W, H);
    this.active = 0;
    this.hovered = null;
  }

  override render() {
    const { tiles } = this.layout;
    return chartFigure({
      title: 'Complexity hotspots',
      summary: summaryOf(this.files, this.layout),
      chart: tiles.length === 0 ? nothing : html`${this.renderMap()}<p class="readout" aria-hidden="true">${this.readout()}</p>${legend()}`,
      table: this.files.length === 0 ? nothing : html`<div class="scroll">${this.tableOpen ? guard([this.files], () => fileTable(this.files)) : nothing}</div>`,
      onToggle: (open) => (this.tableOpen = open),
    });
  }

  private renderMap() {
    const { tiles, folders } = this.layout;
    // tabindex -1: Chromium would otherwise make the svg itself a tab stop before its tiles.
    return html`<svg
      viewBox="0 0 ${W} ${H}"
      tabindex="-1"
      role="group"
      aria-label="Files by size and complexity: ${tiles.length} tiles. Arrow keys move between tiles, Enter opens the file."
      @keydown=${this.onKeyDown}
      @click=${this.onClick}
      @focusin=${this.onFocus}
      @pointerover=${this.onPointer}
      @pointerleave=${() => (this.hovered = null)}
    >
      ${guard([this.layout], () => tiles.map((t, i) => this.renderTile(t, i)))}
      ${guard([this.layout], () => folders.map((f) => svg`<rect class="folder" x=${f.x} y=${f.y} width=${f.w} height=${f.h}></rect>`))}
      ${guard([this.layout], () => tiles.filter((t) => t.w >= LABEL_MIN_W && t.h >= LABEL_MIN_H).map((t) => label(t, this.files[t.index])))}
    </svg>`;
  }

  /** Every tile is drawn once per layout: the active one is marked by moving the tab stop, not by a redraw. */
  private renderTile(t: Tile, i: number) {
    const f = this.files[t.index];
    return svg`<rect class="tile ${t.level}" data-t=${i} x=${t.x} y=${t.y} width=${t.w} height=${t.h}
      tabindex="-1" role="button" aria-label=${f ? tileLabel(f, t.openable) : ''} aria-disabled=${t.openable ? 'false' : 'true'}></rect>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('active') && !changed.has('files')) return;
    // The roving tab stop: one tile is reachable by Tab, the rest by the arrow keys.
    for (const el of this.renderRoot.querySelectorAll('rect.tile.active')) {
      el.setAttribute('tabindex', '-1');
      el.classList.remove('active');
    }
    const active = this.renderRoot.querySelector(`rect.tile[data-t="${this.active}"]`);
    active?.setAttribute('tabindex', '0');
    active?.classList.add('active');
  }

  private readout(): string {
    const t = this.layout.tiles[this.hovered ?? this.active];
    const f = t ? this.files[t.index] : undefined;
    return f && t ? tileLabel(f, t.openable) : '';
  }

  private tileAt(target: EventTarget | null): number | null {
    const at = target instanceof Element ? target.getAttribute('data-t') : null;
    return at === null ? null : Number(at);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.layout.tiles.length;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      return this.open(this.active);
    }
    let next: number | undefined;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key.startsWith('Arrow')) next = neighbour(this.layout.tiles, this.active, event.key);
    if (next === undefined || count === 0) return;
    event.preventDefault();
    this.moveTo(next);
  }

  private async moveTo(index: number): Promise<void> {
    this.active = index;
    this.hovered = null;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGRectElement>(`rect.tile[data-t="${index}"]`)?.focus();
  }

  private onClick(event: MouseEvent): void {
    const at = this.tileAt(event.target);
    if (at === null) return;
    this.active = at;
    this.open(at);
  }

  private onFocus(event: FocusEvent): void {
    const at = this.tileAt(event.target);
    if (at !== null) this.active = at;
  }

  private onPointer(event: PointerEvent): void {
    this.hovered = this.tileAt(event.target);
  }

  private open(tileIndex: number): void {
    const t = this.layout.tiles[tileIndex];
    if (t?.openable) emit(this, { type: 'open', list: 'files', index: t.index });
  }
}

function label(t: Tile, f: FileStat | undefined) {
  if (!f) return nothing;
  const name = f.file.split('/').pop() ?? f.file;
  const room = Math.floor((t.w - 6) / 5.2);
  return svg`<text class="label" x=${t.x + 3} y=${t.y + 11} aria-hidden="true">${name.length > room ? `${name.slice(0, Math.max(1, room - 1))}…` : name}</text>`;
}

function tileLabel(f: FileStat, openable: boolean): string {
  const parts = [f.file, plural(f.loc, 'line'), `complexity ${countText(f.complexity)} in all`, `most complex function ${f.maxComplexity}`, plural(f.findings, 'finding')];
  return `${parts.join(', ')}${openable ? '' : '; not inside the project folder, so not opened'}`;
}

function legend() {
  return html`<ul class="legend" aria-label="Colour: the most complex function's cyclomatic complexity">
    ${LEVELS.map((l, i) => html`<li><svg viewBox="0 0 10 10" aria-hidden="true"><rect class="swatch ${l}" width="10" height="10" rx="2"></rect></svg>${COMPLEXITY_BANDS[i]}</li>`)}
  </ul>`;
}

function summaryOf(files: readonly FileStat[], layout: TreemapLayout): string {
  if (files.length === 0) return 'No analyzed file is stored for this project: analyze it to see where its complexity is.';
  const lines = files.reduce((s, f) => s + f.loc, 0);
  const worst = files.reduce((w, f) => (f.maxComplexity > w.maxComplexity ? f : w), files[0] as FileStat);
  const hidden = layout.hidden > 0 ? ` ${plural(layout.hidden, 'small file')} too small to draw ${layout.hidden === 1 ? 'is' : 'are'} in the table.` : '';
  return `${plural(files.length, 'file')}, ${plural(lines, 'line')}; area is lines, colour the most complex function's complexity. The most complex function is in ${worst.file} (${worst.maxComplexity}).${hidden}`;
}

function fileTable(files: readonly FileStat[]) {
  return html`<table>
    <thead><tr><th scope="col">File</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Complexity</th><th scope="col" class="num">Most complex function</th><th scope="col" class="num">Findings</th></tr></thead>
    <tbody>
      ${files.map((f) => html`<tr><th scope="row">${f.file}</th><td class="num">${f.loc}</td><td class="num">${f.complexity}</td><td class="num">${f.maxComplexity}</td><td class="num">${f.findings}</td></tr>`)}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-hotspot-treemap': HotspotTreemap;
  }
}
