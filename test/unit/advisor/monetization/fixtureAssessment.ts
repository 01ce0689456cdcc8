import assert from 'node:assert/strict';
import { classifyProject } from '../../../../language-server/advisor/classify/classifyProject';
import type { Classification } from '../../../../language-server/advisor/classify/projectTypes';
import { assessMonetization } from '../../../../language-server/advisor/monetization/monetizationOpportunities';
import type { MonetizationAssessment, MonetizationOpportunity } from '../../../../language-server/advisor/monetization/monetizationOpportunities';
import type { Project } from '../../../../language-server/model';
import { scanFixture } from '../classify/scanFixture';

export interface FixtureAssessment extends MonetizationAssessment {
  project: Project;
  classification: Classification;
  /** The opportunity for `model`; fails the test when the model was not offered. */
  model(id: string): MonetizationOpportunity;
  /** The signal ids an opportunity lists as present (its first entry is the type it fits). */
  signalIds(id: string): string[];
}

/** A fixture project scanned, classified and assessed with the built-in templates only (no user folder). */
export async function assessFixture(root: string, name: string, files: Record<string, string>): Promise<FixtureAssessment> {
  return assessProject(await scanFixture(root, name, files));
}

export async function assessProject(project: Project): Promise<FixtureAssessment> {
  const classification = await classifyProject(project);
  const result = await assessMonetization(project, classification);
  const model = (id: string): MonetizationOpportunity => {
    const found = result.opportunities.find((o) => o.model === id);
    assert.ok(found, `${id} is offered to a ${classification.type}; offered: ${result.opportunities.map((o) => o.model).join(', ')}`);
    return found;
  };
  return { ...result, project, classification, model, signalIds: (id) => model(id).signals.slice(1).map((s) => s.split(':')[0] ?? '') };
}
