import '@vscode-elements/elements/dist/vscode-button/index.js';
import './charts/usageChart';
import { html, nothing } from 'lit';
import type { ProcessRow, RunningProject, UsageSample } from './protocol';

/** Where a row's chart ends and how far back it looks: the same for every row. */
export interface ChartWindow {
  end: number;
  windowMs: number;
}

/**
 * One running project: its name and Stop, its CPU and memory charts, its ports and processes. Buttons carry
 * `data-action` (what the list asks the host) and `data-nav` (what the arrow keys move between across rows).
 */
export function projectRow(p: RunningProject, samples: readonly UsageSample[], w: ChartWindow) {
  return html`<li class="row" data-path=${p.path}>
    <div class="head">
      <h3 class="name" title=${p.path}>${p.name}</h3>
      <span class="muted origin">${originText(p)}</span>
      <vscode-button secondary data-action="stop" data-nav="stop" aria-label=${`Stop ${p.name}`}>Stop</vscode-button>
    </div>
    <div class="charts">
      <optimus-usage-chart kind="cpu" .name=${p.name} .current=${p.cpuPercent} .samples=${samples} .end=${w.end} .windowMs=${w.windowMs}></optimus-usage-chart>
      <optimus-usage-chart kind="memory" .name=${p.name} .current=${p.memoryBytes} .samples=${samples} .end=${w.end} .windowMs=${w.windowMs}></optimus-usage-chart>
    </div>
    <div class="ports">
      <span class="muted">Ports</span>
      ${p.ports.length === 0
        ? html`<span class="muted">none open</span>`
        : p.ports.map(
            (port, i) =>
              html`<button class="link port" data-action="openPort" data-port=${port} data-nav=${`port-${i}`} aria-label=${`Open http://localhost:${port} of ${p.name} in the browser`}>:${port}</button>`,
          )}
    </div>
    ${processList(p)}
  </li>`;
}

function originText(p: RunningProject): string {
  const containers = p.containers > 0 ? ` · ${p.containers} ${p.containers === 1 ? 'container' : 'containers'}` : '';
  return `${p.startedByOptimus ? 'started by Optimus' : 'started outside Optimus'}${containers}`;
}

/** Behind a disclosure: a dev server's tree of processes is long, and its state is kept across updates. */
function processList(p: RunningProject) {
  if (p.processes.length === 0) return nothing;
  const count = `${p.processes.length} ${p.processes.length === 1 ? 'process' : 'processes'}`;
  return html`<details class="processes">
    <summary data-nav="processes">${count}</summary>
    <ul>
      ${p.processes.map((proc) => html`<li><span class="pid">pid ${proc.pid}</span> ${commandOf(proc)}</li>`)}
    </ul>
  </details>`;
}

/** null: not read yet; empty: the process ended or started between two reads. */
function commandOf(proc: ProcessRow) {
  if (proc.command === null) return html`<span class="muted">reading…</span>`;
  return proc.command === '' ? nothing : html`<code title=${proc.command}>${proc.command}</code>`;
}
