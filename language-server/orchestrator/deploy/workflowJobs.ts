import { asString, isRecord } from './readProjectFile';

/** Words that mean shipping in a job, step or action name. `deploy` and `ship` always do. */
const DEPLOY_WORD = /\b(deploy|ship)/i;
/** `release` and `publish` also name things that are not a deployment: test reports, release builds, notes. */
const RELEASE_WORD = /\b(release|publish)/i;
const NOT_SHIPPING = /\b(tests?|coverage|reports?|results?|binar(y|ies)|artifacts?|notes|drafts?)\b/i;
/** Actions that deploy without saying so in their name. */
const DEPLOY_ACTIONS = /^(superfly\/flyctl-actions|amondnet\/vercel-action|nwtgck\/actions-netlify|peaceiris\/actions-gh-pages|docker\/build-push-action|aws-actions\/amazon-ecs|google-github-actions\/(deploy|get-gke)|azure\/webapps)/i;
/** Shell commands that ship something (matched line by line, so a multi-line `run` is read whole). */
const DEPLOY_COMMANDS = /\b(fly(ctl)? deploy|vercel\b.*--prod|netlify deploy|railway up|npm publish|pnpm publish|yarn npm publish|cargo publish|twine upload|gem push|docker push|kubectl (apply|rollout)|helm (upgrade|install)|gh release create|firebase deploy|serverless deploy|sls deploy|terraform apply)\b/;
const PROD_ENVIRONMENT = /prod|staging|live/i;

/** Whether a name reads as shipping something: "Deploy", "Publish to npm", but not "Publish test results". */
export function soundsLikeShipping(name: string): boolean {
  return DEPLOY_WORD.test(name) || (RELEASE_WORD.test(name) && !NOT_SHIPPING.test(name));
}

/** Why a job looks like it deploys (its name, environment, reusable workflow or steps); empty when it does not. */
export function jobReasons(id: string, job: unknown): string[] {
  if (!isRecord(job)) return [];
  const label = asString(job.name) ?? id;
  const reasons: string[] = [];
  if (soundsLikeShipping(id) || soundsLikeShipping(label)) reasons.push(`job "${label}" is named like a deployment`);
  const env = isRecord(job.environment) ? asString(job.environment.name) : asString(job.environment);
  if (env && PROD_ENVIRONMENT.test(env)) reasons.push(`job "${label}" runs in environment "${env}"`);
  const reusable = asString(job.uses);
  if (reusable && (soundsLikeShipping(reusable) || DEPLOY_ACTIONS.test(reusable))) reasons.push(`job "${label}" calls ${reusable}`);
  const steps = Array.isArray(job.steps) ? job.steps : [];
  for (const step of steps) {
    const why = stepReason(step);
    if (why) reasons.push(`job "${label}": ${why}`);
  }
  return reasons;
}

function stepReason(step: unknown): string | null {
  if (!isRecord(step)) return null;
  const name = asString(step.name);
  const uses = asString(step.uses);
  const run = asString(step.run);
  const action = uses?.split('@')[0] ?? '';
  if (uses && (soundsLikeShipping(action.split('/').pop() ?? '') || DEPLOY_ACTIONS.test(uses))) return `step uses ${uses}`;
  if (name && soundsLikeShipping(name)) return `step "${name}"`;
  const command = run ? DEPLOY_COMMANDS.exec(run) : null;
  return command ? `step runs \`${command[0]}\`` : null;
}
