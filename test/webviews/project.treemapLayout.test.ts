import assert from 'node:assert/strict';
import { activityWeeks } from '../../webviews/project/charts/activityWeeks';
import { complexityLevel, neighbour, treemapLayout, type Tile } from '../../webviews/project/charts/treemapLayout';
import { isOpenable } from '../../webviews/project/codeLinks';
import { generatedFiles } from './harness/projectFixtures';

const overlap = (a: Tile, b: Tile) => a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6;

describe('project detail treemap and activity layout (pure)', () => {
  it('gives each file a tile whose area follows its lines, inside the chart and overlapping no other', () => {
    const files = generatedFiles(300);
    const { tiles, hidden } = treemapLayout(files, 800, 420);
    assert.equal(tiles.length + hidden, files.length);
    for (const t of tiles) assert.ok(t.x >= 0 && t.y >= 0 && t.x + t.w <= 800 + 1e-6 && t.y + t.h <= 420 + 1e-6, `tile ${t.index} inside`);
    for (let i = 0; i < tiles.length; i++) for (let j = i + 1; j < tiles.length; j++) assert.ok(!overlap(tiles[i] as Tile, tiles[j] as Tile), `tiles ${i} and ${j} do not overlap`);
    const area = (t: Tile) => t.w * t.h;
    const byIndex = new Map(tiles.map((t) => [t.index, t]));
    const big = byIndex.get(0);
    const small = byIndex.get(tiles.length > 100 ? 100 : 1);
    assert.ok(big && small && area(big) > area(small), 'the largest file has the largest tile');
  });

  it('lays out 2,000 files and says how many were too small to draw', () => {
    const files = generatedFiles(2000);
    const { tiles, hidden } = treemapLayout(files, 800, 420);
    assert.equal(tiles.length + hidden, 2000);
    assert.ok(tiles.length > 500, `${tiles.length} drawn`);
  });

  it('colours by the band of the most complex function', () => {
    assert.deepEqual([1, 5, 6, 10, 11, 20, 21, 40, 41, 500].map(complexityLevel), ['cx-1', 'cx-1', 'cx-2', 'cx-2', 'cx-3', 'cx-3', 'cx-4', 'cx-4', 'cx-5', 'cx-5']);
  });

  it('marks files outside the project as not to be opened', () => {
    const files = [
      { file: 'src/a.ts', loc: 10, complexity: 1, maxComplexity: 1, findings: 0 },
      { file: '../../etc/passwd', loc: 10, complexity: 1, maxComplexity: 1, findings: 0 },
    ];
    assert.deepEqual(treemapLayout(files, 100, 100).tiles.map((t) => [t.index, t.openable]).sort(), [[0, true], [1, false]]);
    assert.deepEqual(['src/a.ts', '.', '', '/etc/passwd', 'C:/x', 'src/../../x', '..\\x', '..hidden/a'].map(isOpenable), [true, false, false, false, false, false, false, true]);
  });

  it('moves with the arrow keys to the nearest tile that way, and stays put at an edge', () => {
    // A 2 × 2 grid: 0 1 / 2 3
    const tile = (index: number, x: number, y: number): Tile => ({ index, x, y, w: 10, h: 10, level: 'cx-1', openable: true });
    const tiles = [tile(0, 0, 0), tile(1, 10, 0), tile(2, 0, 10), tile(3, 10, 10)];
    assert.deepEqual(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].map((k) => neighbour(tiles, 0, k)), [1, 2, 0, 0]);
    assert.deepEqual(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].map((k) => neighbour(tiles, 3, k)), [3, 3, 2, 1]);
    assert.equal(neighbour(tiles, 0, 'Tab'), 0);
  });

  it('sums commits per week starting on Monday, every week of the window present', () => {
    const weeks = activityWeeks({ from: '2025-01-01', to: '2025-01-31', days: [{ date: '2025-01-01', commits: 2 }, { date: '2025-01-05', commits: 3 }, { date: '2025-01-06', commits: 4 }, { date: '2025-02-10', commits: 9 }] });
    assert.deepEqual(weeks.weeks.map((w) => [w.start, w.commits]), [['2024-12-30', 5], ['2025-01-06', 4], ['2025-01-13', 0], ['2025-01-20', 0], ['2025-01-27', 0]]);
    assert.deepEqual([weeks.total, weeks.busiest?.start, weeks.months], [9, '2024-12-30', [{ month: '2025-01', commits: 9 }]]);
    const long = activityWeeks({ from: '2000-01-01', to: '2025-01-01', days: [] });
    assert.ok(long.weeks.length <= 54, 'a broken window stays bounded');
  });
});
