/**
 * TypeScript's SyntaxKind, read once. Every property of the typescript module is a getter, so reading
 * `typescript().SyntaxKind` for each node costs more than the check it serves; hot code keeps the result.
 */
import type ts from 'typescript';
import { typescript } from '../source';

let kinds: typeof ts.SyntaxKind | null = null;
let typeKinds: Uint8Array | null = null;

export function syntaxKinds(): typeof ts.SyntaxKind {
  kinds ??= typescript().SyntaxKind;
  return kinds;
}

/** `ts.isTypeNode` as a table by kind (it looks at nothing else). */
export function typeKindTable(): Uint8Array {
  if (typeKinds) return typeKinds;
  const t = typescript();
  const k = syntaxKinds();
  const table = new Uint8Array(k.Count + 1);
  for (let kind = 0; kind <= k.Count; kind++) table[kind] = t.isTypeNode({ kind } as ts.Node) ? 1 : 0;
  typeKinds = table;
  return table;
}
