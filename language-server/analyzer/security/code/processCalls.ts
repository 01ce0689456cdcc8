import type ts from 'typescript';
import { calleeOf } from './astNames';
import type { RuleContext } from './ruleContext';

/** Names people give the module when the import is out of sight (a helper file, a mock). */
const USUAL_MODULE_NAMES = new Set(['child_process', 'childProcess', 'cp']);

/** The child_process function a call runs (`exec`, `spawnSync`...), or undefined when it is not one. */
export function childProcessMethod(t: typeof ts, call: ts.CallExpression, ctx: RuleContext): string | undefined {
  const { name, object } = ctx.callee(call);
  if (!object) return ctx.facts.processFunctions.get(name);
  if (t.isIdentifier(object)) return ctx.facts.processModules.has(object.text) || USUAL_MODULE_NAMES.has(object.text) ? name : undefined;
  // require('child_process').exec(...)
  if (t.isCallExpression(object) && calleeOf(t, object.expression).name === 'require') {
    const arg = object.arguments[0];
    return arg && t.isStringLiteral(arg) && /^(?:node:)?child_process$/.test(arg.text) ? name : undefined;
  }
  return undefined;
}
