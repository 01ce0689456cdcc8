import { html, nothing } from 'lit';
import type { PortfolioActivity, ProjectCard } from '../protocol';
import { dayLabel, type HeatmapLayout } from './heatmapLayout';

/** Rows of the most-active-projects table: enough to name who did the work without listing every project. */
const TOP_PROJECTS = 10;

/** The heatmap as text: a row per month, then the projects with the most commits. */
export function heatmapTable(layout: HeatmapLayout, activity: PortfolioActivity, cards: readonly ProjectCard[]) {
  const names = new Map(cards.map((c) => [c.path, c.name]));
  const top = activity.byProject.filter((p) => p.commits > 0).slice(0, TOP_PROJECTS);
  return html`<table>
      <caption class="visually-hidden">Commits per month</caption>
      <thead><tr><th scope="col">Month</th><th scope="col" class="num">Commits</th><th scope="col" class="num">Days with commits</th><th scope="col">Busiest day</th></tr></thead>
      <tbody>
        ${layout.months.map(
          (m) => html`<tr><th scope="row">${m.label}</th><td class="num">${m.commits}</td><td class="num">${m.activeDays}</td><td>${m.busiest ? `${dayLabel(m.busiest.date)} (${m.busiest.commits})` : '–'}</td></tr>`,
        )}
      </tbody>
    </table>
    ${top.length === 0
      ? nothing
      : html`<table>
          <caption class="visually-hidden">Most active projects</caption>
          <thead><tr><th scope="col">Most active projects</th><th scope="col" class="num">Commits</th></tr></thead>
          <tbody>
            ${top.map((p) => html`<tr><th scope="row" title=${p.path}>${names.get(p.path) ?? p.path}</th><td class="num">${p.commits}</td></tr>`)}
          </tbody>
        </table>`}`;
}
