// Per-test Allure metadata from the requirement catalogue: epic/feature/story, labels, severity, the
// source link and the run seed (a generated value: kept out of the history id). Runs in the test worker.
import * as allure from 'allure-js-commons';
import { requirementById } from '../../fixtures/requirements.js';
import type { RunContext } from '../run/run-context.js';

const ALLURE_EPIC = 'set-new-password';

export async function describeTest(requirementId: string | undefined, context: RunContext): Promise<void> {
  await allure.epic(ALLURE_EPIC);
  await allure.parameter('seed', String(context.seed), { excluded: true });
  const requirement = requirementId === undefined ? undefined : requirementById(requirementId);
  if (!requirement) return; // the verdict reports it as a suite error
  await allure.feature(requirement.area);
  await allure.story(requirement.title);
  await allure.description(`**${requirement.id}** (${requirement.level}, ${requirement.basis}): ${requirement.statement}`);
  await allure.labels(
    { name: 'requirement', value: requirement.id },
    { name: 'level', value: requirement.level },
    { name: 'basis', value: requirement.basis },
    { name: 'mode', value: context.mode },
    { name: 'safety', value: requirement.safe ? 'safe' : 'changes data' },
    { name: 'profile', value: context.profile.name },
  );
  await allure.severity(requirement.level === 'MUST' ? allure.Severity.CRITICAL : allure.Severity.NORMAL);
  await allure.link(requirement.source.url, requirement.source.title);
}
