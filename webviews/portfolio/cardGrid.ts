import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { themeStyles } from '../shared/theme.styles';
import { cardGridStyles } from './cardGrid.styles';
import { emit } from './intents';
import { projectCard } from './projectCard';
import type { ProjectCard } from './protocol';

/**
 * The cards, keyed by path: a live update of one project redraws that card alone (`guard` skips every card
 * whose object did not change). The grid is one tab stop; the arrow keys move between cards as they are laid
 * out, Home and End go to the first and last, and Enter opens the project.
 */
@customElement('optimus-card-grid')
export class CardGrid extends LitElement {
  static override styles = [themeStyles, cardGridStyles];

  @property({ attribute: false }) accessor cards: readonly ProjectCard[] = [];
  /** The card holding the tab stop; the first card when it is not shown. */
  @property({ attribute: false }) accessor focused: string | null = null;
  /** The time "3 days ago" is counted from; moved forward now and then by the root. */
  @property({ attribute: false }) accessor now = Date.now();

  override render() {
    if (this.cards.length === 0) return nothing;
    const stop = this.cards.some((c) => c.path === this.focused) ? this.focused : (this.cards[0]?.path ?? null);
    const now = this.now;
    return html`<ul aria-label="Projects" @click=${this.onClick} @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
      ${repeat(
        this.cards,
        (c) => c.path,
        (c) => guard([c, c.path === stop, now], () => projectCard(c, c.path === stop, now)),
      )}
    </ul>`;
  }

  /** Moves the focus to the card at `path` (when it is shown), e.g. after the page is rebuilt. */
  focusCard(path: string): boolean {
    const button = this.buttons().find((b) => b.dataset.path === path);
    button?.focus();
    return button !== undefined;
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.card')];
  }

  private onClick(event: MouseEvent): void {
    const path = cardOf(event)?.dataset.path;
    if (path) emit(this, { type: 'openProject', path });
  }

  private onFocusIn(event: FocusEvent): void {
    const path = cardOf(event)?.dataset.path;
    if (path && path !== this.focused) emit(this, { type: 'focusCard', path });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const buttons = this.buttons();
    const at = buttons.findIndex((b) => b === this.shadowRoot?.activeElement);
    if (at === -1) return;
    const columns = columnsOf(buttons);
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns, Home: -at, End: buttons.length - 1 - at };
    const move = moves[event.key];
    if (move === undefined) return;
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + move))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}

function cardOf(event: Event): HTMLButtonElement | undefined {
  return event.composedPath().find((t): t is HTMLButtonElement => t instanceof HTMLButtonElement && t.classList.contains('card'));
}

/**
 * Cards in the first row, from where the browser put them: the grid's columns follow the panel's width. Read
 * from the page, not offsetTop: each cell contains its layout, so a card's offsetTop is 0 in its cell.
 */
function columnsOf(buttons: readonly HTMLElement[]): number {
  const top = buttons[0]?.getBoundingClientRect().top;
  let n = 0;
  while (n < buttons.length && buttons[n]?.getBoundingClientRect().top === top) n++;
  return Math.max(1, n);
}

declare global {
  interface HTMLElementTagNameMap {
    'optimus-card-grid': CardGrid;
  }
}
