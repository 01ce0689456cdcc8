/**
 * yarn.lock and pnpm v9 lockfiles do not say which packages only devDependencies pull in; npm and older pnpm
 * lockfiles do. This works it out the way they do: walk the lockfile's dependency graph from the runtime roots and
 * from the dev roots; what only the dev walk reaches is dev-only. What neither reaches stays "not dev" — a finding
 * is never played down on a guess.
 */
export interface DependencyGraph<K> {
  prodRoots: Iterable<K>;
  devRoots: Iterable<K>;
  /** Callers resolve an edge they cannot pin to every entry of that name, which keeps the answer conservative. */
  edges(key: K): Iterable<K>;
}

export function devOnlyKeys<K>(graph: DependencyGraph<K>): Set<K> {
  const prod = reach(graph.prodRoots, graph);
  const devOnly = new Set<K>();
  for (const key of reach(graph.devRoots, graph)) if (!prod.has(key)) devOnly.add(key);
  return devOnly;
}

/** Iterative: a long chain of dependencies must not overflow the stack. */
function reach<K>(roots: Iterable<K>, graph: DependencyGraph<K>): Set<K> {
  const seen = new Set<K>();
  const todo = [...roots];
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    for (const next of graph.edges(key)) if (!seen.has(next)) todo.push(next);
  }
  return seen;
}
