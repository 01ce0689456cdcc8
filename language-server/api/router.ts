import type { Route } from './route';
import type { TokenScope } from './tokens/tokenFormat';

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  /** The path is a route's, the method is not: 405 with these in `Allow`. */
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

interface Compiled {
  route: Route;
  /** A literal segment, or null for a parameter (its name is in `names`). */
  segments: Array<string | null>;
  names: string[];
  literals: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Matches a request's method and raw path (before decoding, so an encoded `/` stays inside one parameter)
 * against the route table. Nothing is resolved here: which project a parameter names is the handler's part.
 */
export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const segments = route.path.split('/').map((s) => {
        const param = /^\{(\w+)\}$/.exec(s);
        if (!param) return s;
        names.push(param[1] as string);
        return null;
      });
      return { route, segments, names, literals: segments.filter((s) => s !== null).length };
    });
  }

  match(method: string, rawPath: string): RouteMatch {
    const segments = rawPath.split('/');
    const wanted = method === 'HEAD' ? 'GET' : method;
    let best: { c: Compiled; params: Record<string, string> } | null = null;
    const allowed = new Set<string>();
    for (const c of this.compiled) {
      const params = matchSegments(c, segments);
      if (!params) continue;
      if (c.route.method !== wanted) {
        allowed.add(c.route.method);
        continue;
      }
      if (!best || c.literals > best.c.literals) best = { c, params };
    }
    if (best) return { kind: 'route', route: best.c.route, params: best.params };
    if (allowed.size > 0) return { kind: 'method', allowed: [...allowed].sort() };
    return { kind: 'none' };
  }

  /**
   * The scope a request needs, from its method and path alone, before anything else is looked at: a write
   * with a read token is refused whatever its path. A route says its own; anything else needs `write`
   * unless its method only reads.
   */
  scopeFor(match: RouteMatch, method: string): TokenScope {
    if (match.kind === 'route') return match.route.scope;
    return SAFE_METHODS.has(method) ? 'read' : 'write';
  }
}

function matchSegments(c: Compiled, segments: readonly string[]): Record<string, string> | null {
  if (segments.length !== c.segments.length) return null;
  const params: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    const want = c.segments[i];
    const got = segments[i] as string;
    if (want === null) {
      if (got === '') return null;
      params[c.names[n++] as string] = decodeSegment(got);
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

/** Percent-decoded; a malformed escape is kept as it came, and then names no project. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
