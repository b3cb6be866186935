// Per-test Allure metadata from the requirement catalogue: epic/feature/story, labels, severity, the
// source link (absolute), the profile the run used where it decides the expectation, and the run seed (a
// generated value: kept out of the history id). Runs in the test worker.
import * as allure from 'allure-js-commons';
import { requirementById } from '../../fixtures/requirements.js';
import { SOURCES } from '../../fixtures/sources.js';
import { redact } from '../run/redaction.js';
import type { RunContext } from '../run/run-context.js';

const ALLURE_EPIC = 'set-new-password';

/**
 * A source's address as a link that works from the report: web addresses as they are, the suite's own docs
 * (a path in the package, e.g. docs/profile.md) as an absolute file:// URL into the installed package.
 */
export function absoluteUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : new URL(`../../${url}`, import.meta.url).href;
}

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
  await allure.link(absoluteUrl(requirement.source.url), requirement.source.title);
  // Where the profile decides what is expected, the profile this run used travels with the case: a link to
  // a file would be dead wherever the report is served or copied to. One file per case: Allure 3 links an
  // attachment file to one result only (the others' links come out "missed").
  if (requirement.profileKey !== undefined || requirement.source === SOURCES.profile) {
    await allure.attachment(`profile ${context.profile.name}`, redact(JSON.stringify(context.profile, null, 2)), allure.ContentType.JSON);
  }
}
