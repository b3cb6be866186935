// Writes allure-results with plain writeFileSync. allure-js-commons' own writer fsyncs and renames every
// file, which costs about a second per run here for ~1,400 files written after the last test.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import type { Category, EnvironmentInfo } from 'allure-js-commons/sdk';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';

export class PlainWriter implements Writer {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private write(name: string, content: string | Buffer): void {
    writeFileSync(join(this.dir, name), content);
  }

  writeResult(result: TestResult): void {
    this.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  writeGroup(result: TestResultContainer): void {
    this.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    copyFileSync(from, join(this.dir, distFileName));
  }

  writeEnvironmentInfo(info: EnvironmentInfo): void {
    this.write('environment.properties', stringifyEnvInfo(info));
  }

  writeCategoriesDefinitions(categories: Category[]): void {
    this.write('categories.json', JSON.stringify(categories));
  }

  writeGlobals(distFileName: string, info: unknown): void {
    this.write(distFileName, JSON.stringify(info));
  }
}
