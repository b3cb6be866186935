// Where the profile decides what a case expects (a requirement with a profile key, or the profile as its
// source), the case carries the profile the run used, as a step `profile <name>` with a JSON attachment: a
// link to a profile file would be dead wherever the report is served. The file is written once per run and
// every such case refers to it; one file per case cost ~260 writes per full run. Runs in vitest's main
// process, as each result is written.
import { randomUUID } from 'node:crypto';
import { ContentType, Stage, Status, type TestResult } from 'allure-js-commons';
import type { LifecycleListener } from 'allure-js-commons/sdk/reporter';
import { requirementById } from '../../fixtures/requirements.js';
import { SOURCES } from '../../fixtures/sources.js';
import { redact } from '../run/redaction.js';
import type { Profile } from '../run/profile.js';
import type { PlainWriter } from './allure-plain-writer.js';

function decidedByProfile(result: TestResult): boolean {
  const id = result.labels.find((label) => label.name === 'requirement')?.value;
  const requirement = id === undefined ? undefined : requirementById(id);
  return requirement !== undefined && (requirement.profileKey !== undefined || requirement.source === SOURCES.profile);
}

/** `profile()`: the run's profile once it is known (the run context is provided after the reporter starts). */
export function profileAttachment(writer: () => PlainWriter, profile: () => Profile | undefined): LifecycleListener {
  let source: string | null = null;
  return {
    beforeTestResultWrite(result) {
      const used = profile();
      if (used === undefined || !decidedByProfile(result)) return;
      if (source === null) {
        source = `${randomUUID()}-attachment.json`;
        writer().writeAttachment(source, Buffer.from(redact(JSON.stringify(used, null, 2)), 'utf8'));
      }
      const name = `profile ${used.name}`;
      const at = result.start ?? Date.now();
      result.steps.unshift({
        name,
        status: Status.PASSED,
        statusDetails: {},
        stage: Stage.FINISHED,
        steps: [],
        attachments: [{ name, source, type: ContentType.JSON }],
        parameters: [],
        start: at,
        stop: at,
      });
    },
  };
}
