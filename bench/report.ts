/** The benchmark's table: each figure beside its target and its ratio to a floor measured in the same run. */

export interface Row {
  measure: string;
  value: number;
  unit: 'ms' | 'MB' | 'x' | '';
  /** The issue's target, on the figure itself or on its ratio to the floor. */
  target?: { max: number; on: 'value' | 'ratio' };
  floor?: { name: string; value: number; unit?: 'ms' | 'MB' };
}

export interface RowResult extends Row {
  ratio: number | null;
  met: boolean | null;
}

export function evaluate(row: Row): RowResult {
  const ratio = row.floor && row.floor.value > 0 ? row.value / row.floor.value : null;
  const t = row.target;
  const met = !t ? null : t.on === 'value' ? row.value <= t.max : ratio !== null && ratio <= t.max;
  return { ...row, ratio, met };
}

const num = (n: number, unit: string): string => (Number.isFinite(n) ? `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}${unit ? ` ${unit}` : ''}` : 'n/a');

export function table(rows: RowResult[]): string {
  const head = ['measure', 'figure', 'target', 'floor (same run)', 'floor', 'ratio', ''];
  const cells = rows.map((r) => [
    r.measure,
    num(r.value, r.unit),
    !r.target ? '' : r.target.on === 'ratio' ? `≤ ${r.target.max}× floor` : `≤ ${num(r.target.max, r.unit)}`,
    r.floor?.name ?? '',
    r.floor ? num(r.floor.value, r.floor.unit ?? r.unit) : '',
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.met === null ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const right = new Set([1, 2, 4, 5]);
  const line = (c: string[]): string => c.map((s, i) => (right.has(i) ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
