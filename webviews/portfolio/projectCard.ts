import { html, nothing } from 'lit';
import { bandOf } from './charts/healthBins';
import { ago, cardLabel, gitBadges, usageText } from './cardText';
import type { ProjectCard } from './protocol';
import { hueOf, monogram } from './stackBadges';

const STATE_NAMES = { running: 'Running', stopped: 'Stopped', crashed: 'Crashed' } as const;
const DEBT_BAND = { A: 'good', B: 'good', C: 'fair', D: 'poor', E: 'poor' } as const;

/** Badges past this are summed up as "+N": a card stays one size whatever the stack. */
const MAX_BADGES = 5;

/**
 * One project's card: a button (Enter or a click opens the project) whose visible parts are all named in its
 * label. Every card has the same four lines whatever its state, so a project starting (its CPU and memory
 * appear on the last line) does not change the card's height and move the cards after it. A plain template rather than an element of its own, written without whitespace between tags and with
 * few bindings: 200 cards are 200 copies of it, and every text node and shadow root is paid for 200 times.
 */
export function projectCard(c: ProjectCard, tabbable: boolean, now: number) {
  // prettier-ignore
  return html`<li class="cell"><button class="card" data-path=${c.path} data-run=${c.run.state} tabindex=${tabbable ? 0 : -1} aria-label=${cardLabel(c, now)}><span class="head"><span class="name" title=${c.name}>${c.name}</span>${c.parentName ? html`<span class="parent muted" title=${`in ${c.parentName}`}>in ${c.parentName}</span>` : nothing}<span class=${`run ${c.run.state}`}>${STATE_NAMES[c.run.state]}</span></span><span class="stack">${stackBadges(c)}</span><span class="facts">${health(c)}${c.debt ? html`<span class=${`debt ${DEBT_BAND[c.debt]}`} title="Debt rating">${c.debt}</span>` : nothing}<span class="when muted" title=${c.lastActivity ?? ''}>${ago(c.lastActivity, now)}</span></span><span class="foot"><span class="git muted">${gitLine(c)}</span>${c.run.state === 'running' ? html`<span class="usage">${usageText(c.run)}</span>` : nothing}</span></button></li>`;
}

function stackBadges(c: ProjectCard) {
  const shown = c.stack.slice(0, MAX_BADGES).map((t) => html`<span class=${`tag ${t.kind} hue-${hueOf(t.id)}`} title=${t.label}>${monogram(t.id, t.label)}</span>`);
  return c.stack.length > MAX_BADGES ? [...shown, html`<span class="tag more">+${c.stack.length - MAX_BADGES}</span>`] : shown;
}

function health(c: ProjectCard) {
  if (c.health === null) return html`<span class="health muted">Not analyzed</span>`;
  return html`<span class=${`health ${bandOf(c.health)}`} title="Health out of 100">${c.health}</span>`;
}

function gitLine(c: ProjectCard): string {
  if (!c.git) return 'no git';
  return `${c.git.branch ?? 'detached'} ${gitBadges(c.git)}`.trim();
}
