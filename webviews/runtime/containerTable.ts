import { html } from 'lit';
import type { ContainerRow } from './protocol';

/** The containers the engine reports, or why it reports none. */
export function containerSection(containers: readonly ContainerRow[] | null, dockerProblem: string | null) {
  if (dockerProblem !== null) return html`<p class="muted docker-problem">Containers are not shown: ${dockerProblem}.</p>`;
  if (containers === null) return html`<p class="muted">Reading containers…</p>`;
  if (containers.length === 0) return html`<p class="muted">No containers.</p>`;
  return html`<table class="containers">
    <thead>
      <tr><th scope="col">Name</th><th scope="col">Image</th><th scope="col">State</th><th scope="col">Ports</th><th scope="col">Project</th></tr>
    </thead>
    <tbody>
      ${containers.map(
        (c) => html`<tr data-state=${c.state}>
          <th scope="row">${c.name}</th>
          <td><code>${c.image}</code></td>
          <td>${c.state}</td>
          <td class="num">${c.ports.map((p) => `:${p}`).join(' ')}</td>
          <td>${c.project ?? ''}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
