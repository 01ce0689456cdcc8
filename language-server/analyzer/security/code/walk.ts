import type ts from 'typescript';

/**
 * Visits every node in document order (pre-order) with an explicit stack: generated code and long `+` chains
 * nest deep enough to overflow a recursive walk. Children are pushed in order, then that run of the stack is
 * reversed, so nothing is allocated per node (this loop is most of a scan's cost).
 */
export function walkNodes(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  const push = (child: ts.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    visit(node);
    const mark = stack.length;
    node.forEachChild(push);
    for (let i = mark, j = stack.length - 1; i < j; i++, j--) {
      const first = stack[i] as ts.Node;
      stack[i] = stack[j] as ts.Node;
      stack[j] = first;
    }
  }
}
