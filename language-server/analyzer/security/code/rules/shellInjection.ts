import type ts from 'typescript';
import { nameText, unwrap } from '../astNames';
import { childProcessMethod } from '../processCalls';
import type { CodeRule, RuleContext } from '../ruleContext';
import { isDynamicString } from '../stringExpressions';

const ALWAYS_SHELL = new Set(['exec', 'execSync']);
const SHELL_OPTION = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);

/** child_process calls that go through a shell with a command built from non-constant parts. */
export const shellInjectionRule: CodeRule = {
  kinds: (t) => [t.SyntaxKind.CallExpression],
  check(node, ctx) {
    const { ts: t, facts } = ctx;
    if (!t.isCallExpression(node)) return;
    const method = childProcessMethod(t, node, ctx);
    const command = node.arguments[0];
    if (!method || !command) return;
    if (ALWAYS_SHELL.has(method) && isDynamicString(t, command, facts)) {
      ctx.report('security/shell-injection', command, `${method}() runs this command through a shell and it is built from variables: use execFile/spawn with an argument array`);
    } else if (SHELL_OPTION.has(method) && usesShell(t, node) && builtFromVariables(node, ctx)) {
      ctx.report('security/shell-injection', command, `${method}() with shell: true joins a command built from variables into a shell line: drop shell: true and pass arguments as an array`);
    }
  },
};

/** An options object with `shell` set to anything but a literal false. */
function usesShell(t: typeof ts, call: ts.CallExpression): boolean {
  return call.arguments.some((arg) => {
    const e = unwrap(t, arg);
    if (!t.isObjectLiteralExpression(e)) return false;
    const shell = e.properties.find((p) => t.isPropertyAssignment(p) && nameText(t, p.name) === 'shell');
    return shell !== undefined && t.isPropertyAssignment(shell) && shell.initializer.kind !== t.SyntaxKind.FalseKeyword;
  });
}

function builtFromVariables(call: ts.CallExpression, ctx: RuleContext): boolean {
  const { ts: t, facts } = ctx;
  const [command, args] = call.arguments;
  if (command && isDynamicString(t, command, facts)) return true;
  const list = args ? unwrap(t, args) : undefined;
  return list !== undefined && t.isArrayLiteralExpression(list) && list.elements.some((el) => isDynamicString(t, el, facts));
}
