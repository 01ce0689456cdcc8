import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import { scaleThreshold } from 'd3-scale';
import { isOpenable } from '../codeLinks';
import type { FileStat } from '../detailView';

/** Bands of the most complex function's cyclomatic complexity, as complexity reports usually cut it. */
export const COMPLEXITY_BANDS = ['1–5', '6–10', '11–20', '21–40', '41 or more'] as const;
export const LEVELS = ['cx-1', 'cx-2', 'cx-3', 'cx-4', 'cx-5'] as const;
export type Level = (typeof LEVELS)[number];

const level = scaleThreshold<number, Level>().domain([6, 11, 21, 41]).range([...LEVELS]);

export function complexityLevel(maxComplexity: number): Level {
  return level(maxComplexity);
}

export interface Tile {
  /** Index into the files given. */
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
  level: Level;
  openable: boolean;
}

export interface TreemapLayout {
  tiles: Tile[];
  /** The outlines of the top-level folders, so the files of one folder read as a block. */
  folders: Array<{ name: string; x: number; y: number; w: number; h: number }>;
  /** Files too small to draw at this size (under a pixel wide or high); the table lists them. */
  hidden: number;
}

interface Datum {
  name: string;
  children?: Datum[];
  /** Set on a file: its index in the list. */
  index?: number;
}

/** Tiles smaller than this on a side would be invisible, and their focus ring too. */
const MIN_SIDE = 1;

/** Files nested by folder and laid out as a squarified treemap: area is lines of code, colour the complexity band. */
export function treemapLayout(files: readonly FileStat[], width: number, height: number): TreemapLayout {
  const root = hierarchy<Datum>(folderTree(files), (d) => d.children)
    .sum((d) => (d.index === undefined ? 0 : (files[d.index]?.loc ?? 0)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = treemap<Datum>().tile(treemapSquarify).size([width, height]).paddingInner(1).paddingOuter(1).round(false)(root);
  const tiles: Tile[] = [];
  let hidden = 0;
  for (const leaf of laid.leaves()) {
    const index = leaf.data.index;
    const file = index === undefined ? undefined : files[index];
    if (index === undefined || !file) continue;
    const box = boxOf(leaf);
    if (box.w < MIN_SIDE || box.h < MIN_SIDE) {
      hidden++;
      continue;
    }
    tiles.push({ index, ...box, level: complexityLevel(file.maxComplexity), openable: isOpenable(file.file) });
  }
  const folders = (laid.children ?? []).filter((c) => c.children).map((c) => ({ name: c.data.name, ...boxOf(c) }));
  return { tiles, folders, hidden };
}

function boxOf(node: HierarchyRectangularNode<Datum>): { x: number; y: number; w: number; h: number } {
  return { x: node.x0, y: node.y0, w: node.x1 - node.x0, h: node.y1 - node.y0 };
}

/** The files as a tree of folders, each file a leaf holding its index. */
function folderTree(files: readonly FileStat[]): Datum {
  interface Folder {
    name: string;
    folders: Map<string, Folder>;
    files: Datum[];
  }
  const top: Folder = { name: '', folders: new Map(), files: [] };
  files.forEach((f, index) => {
    const parts = f.file.split('/');
    const name = parts.pop() ?? f.file;
    let at = top;
    for (const part of parts) {
      let next = at.folders.get(part);
      if (!next) at.folders.set(part, (next = { name: part, folders: new Map(), files: [] }));
      at = next;
    }
    at.files.push({ name, index });
  });
  const datum = (folder: Folder): Datum => ({ name: folder.name, children: [...[...folder.folders.values()].map(datum), ...folder.files] });
  return datum(top);
}

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/**
 * The tile an arrow key moves to from `from`: the nearest whose centre lies that way, distance across the
 * direction counting double so the move stays in its row or column. `from` when there is none that way.
 */
export function neighbour(tiles: readonly Tile[], from: number, key: string): number {
  const arrow = ARROWS[key];
  const here = tiles[from];
  if (!arrow || !here) return from;
  const [dx, dy] = arrow;
  const cx = here.x + here.w / 2;
  const cy = here.y + here.h / 2;
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  tiles.forEach((t, i) => {
    const along = (t.x + t.w / 2 - cx) * dx + (t.y + t.h / 2 - cy) * dy;
    if (i === from || along <= 0) return;
    const across = Math.abs((t.x + t.w / 2 - cx) * dy) + Math.abs((t.y + t.h / 2 - cy) * dx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
