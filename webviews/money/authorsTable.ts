import { html, nothing } from 'lit';
import { count, hours } from './format';
import type { HoursInfo } from './moneyInfo';

/** Who put the hours in, most first. */
export function authorsTable(h: HoursInfo) {
  if (h.authors.length === 0) return html`<p class="muted">No authors: no commits were counted.</p>`;
  return html`<table aria-labelledby="authors">
    <thead>
      <tr><th scope="col">Author</th><th scope="col">Email</th><th scope="col" class="num">Hours</th><th scope="col" class="num">Commits</th></tr>
    </thead>
    <tbody>
      ${h.authors.map((a) => html`<tr><th scope="row">${a.name}</th><td>${a.email}</td><td class="num">${hours(a.hours)}</td><td class="num">${count(a.commits)}</td></tr>`)}
      ${h.otherAuthors > 0 ? html`<tr><td colspan="4" class="muted">and ${count(h.otherAuthors)} more</td></tr>` : nothing}
    </tbody>
  </table>`;
}
