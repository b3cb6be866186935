// The console while a run goes on, made for people and CI logs: one progress line rewritten in place on a
// terminal, a heartbeat line every few seconds off a terminal, and nothing else (vitest's own output is
// behind --verbose). The summary at the end comes from the verdict reporter.
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Off a terminal, one line at most this often: enough to show life in a CI log, few enough to read. */
const HEARTBEAT_MS = 10_000;

export class ProgressReporter implements Reporter {
  private total = 0;
  private done = 0;
  private failures = 0;
  private readonly startedAt = Date.now();
  private lastLineAt = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stdout) {}

  onTestModuleCollected(module: TestModule): void {
    this.total += [...module.children.allTests()].length;
  }

  onTestCaseResult(test: TestCase): void {
    this.done += 1;
    if (test.meta().conformance?.outcome === 'failed') this.failures += 1;
    const now = Date.now();
    if (this.out.isTTY) {
      this.out.write(`\r\u001b[2K${this.line()}`);
    } else if (now - this.lastLineAt >= HEARTBEAT_MS) {
      this.lastLineAt = now;
      this.out.write(`${this.line()}\n`);
    }
  }

  onTestRunEnd(): void {
    this.out.write(this.out.isTTY ? `\r\u001b[2K${this.line()}\n` : `${this.line()}\n`);
  }

  private line(): string {
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    return `conformance: ${this.done}/${this.total} cases done · ${this.failures} failed · ${seconds} s`;
  }
}
