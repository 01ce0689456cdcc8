import path from 'node:path';
import { checkProject } from '../../../analyzer/debt/projectChecks';
import { testPresence } from '../../../analyzer/debt/testPresence';
import type { Project } from '../../../model';
import { ABSENT, present } from '../signalIds';
import type { SignalId, SignalState } from '../signalIds';

/**
 * README and CI as the analyzer's project checks decide them, so the Advisor and the health score agree. Tests
 * come from the analyzer's test search itself, which tells "none found" from "stopped at its limits".
 */
export async function hygieneSignals(project: Project): Promise<Array<[SignalId, SignalState]>> {
  const isRust = project.dependencies.manifests.some((m) => m.kind === 'Cargo.toml');
  const [{ findings }, tests] = await Promise.all([checkProject(project), testPresence(project.path, isRust, { maxDepth: 4, maxEntries: 20_000 })]);
  const missing = new Set(findings.map((f) => f.ruleId));
  return [
    ['has-readme', missing.has('debt/missing-readme') ? ABSENT : present('a README is present')],
    ['has-tests', 'found' in tests ? present(`tests are present (${path.relative(project.path, tests.found) || tests.found})`) : 'missing' in tests ? ABSENT : { unknown: `the test search ${tests.unknown}` }],
    ['has-ci', missing.has('debt/missing-ci') ? ABSENT : present('CI is configured')],
  ];
}
