// The second half of `npm run mutation`: reads Stryker's report (reports/mutation/mutation.json) and the
// review of the survivors (docs/equivalent-mutants.md), prints the raw score and the score without the
// equivalent mutants, and fails while any surviving mutant is unreviewed: each survivor is either a
// missing check to add to the suite, or listed with its reason. `--draft` prints unreviewed survivors as
// table rows to fill in.
import { existsSync, readFileSync } from 'node:fs';

const REPORT = new URL('../reports/mutation/mutation.json', import.meta.url);
const EQUIVALENTS = new URL('../docs/equivalent-mutants.md', import.meta.url);

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface MutationReport {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const DRAFT = process.argv.includes('--draft');
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The mutated code, the way docs/equivalent-mutants.md quotes it. */
function originalCode(source: string, { start, end }: Mutant['location']): string {
  const lines = source.split('\n').slice(start.line - 1, end.line);
  const last = lines.length - 1;
  lines[last] = (lines[last] ?? '').slice(0, end.column - 1);
  lines[0] = (lines[0] ?? '').slice(start.column - 1);
  return oneLine(lines.join('\n'));
}

/** On one line and at most 80 characters: blocks are quoted by their start. */
function oneLine(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** A mutant's identity across runs: file, original code and replacement (line numbers move). */
function keyOf(file: string, code: string, replacement: string): string {
  return `${file}\u0000${code}\u0000${replacement}`;
}

/**
 * Reasons a survivor is equivalent for a conformance suite: no conforming target could tell the mutant
 * from the original, so no check may fail it. `gap` marks a survivor the suite should detect but cannot
 * yet; it stays in the score as undetected.
 */
const EQUIVALENT_REASONS = new Set(['same', 'unreachable', 'unobservable', 'scope', 'conforming']);
const REASONS = new Set([...EQUIVALENT_REASONS, 'gap']);

/** Table rows | `file:line` | `code` | `replacement` | **reason**: why | (pipes escaped as \|), by identity. */
function reviewedSurvivors(markdown: string): Map<string, string> {
  const reviewed = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const [where, code, replacement, why] = cells;
    const file = /^`(reference\/[^:`]+):\d+`$/.exec(where ?? '')?.[1];
    const reason = /^\*\*([a-z-]+)\*\*/.exec(why ?? '')?.[1];
    if (file === undefined || code === undefined || replacement === undefined || reason === undefined || !REASONS.has(reason)) continue;
    reviewed.set(keyOf(file, oneLine(unquoted(code)), oneLine(unquoted(replacement))), reason);
  }
  return reviewed;
}

/** A markdown code span; double backticks when the code holds one (template literals). */
function codeSpan(code: string): string {
  const text = code.replace(/\|/g, '\\|');
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function unquoted(cell: string): string {
  return cell.startsWith('`` ') ? cell.slice(3, -3) : cell.slice(1, -1);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`;
}

function main(): number {
  if (!existsSync(REPORT)) {
    console.error('mutation-review: reports/mutation/mutation.json does not exist: run npx stryker run first');
    return 2;
  }
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
  const listed = reviewedSurvivors(existsSync(EQUIVALENTS) ? readFileSync(EQUIVALENTS, 'utf8') : '');
  const byReason = new Map<string, number>();
  const seen = new Set<string>();
  const unreviewed: string[] = [];
  const rows: string[] = [];
  let all = { valid: 0, detected: 0, equivalent: 0 };

  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const counts = { valid: 0, detected: 0, equivalent: 0 };
    for (const mutant of mutants) {
      if (!DETECTED.has(mutant.status) && !UNDETECTED.has(mutant.status)) continue; // ignored, compile errors
      counts.valid += 1;
      if (DETECTED.has(mutant.status)) {
        counts.detected += 1;
        continue;
      }
      const code = originalCode(source, mutant.location);
      const key = keyOf(file, code, oneLine(mutant.replacement ?? ''));
      const reason = listed.get(key);
      if (reason !== undefined) {
        if (EQUIVALENT_REASONS.has(reason)) counts.equivalent += 1;
        byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
        seen.add(key);
      } else {
        unreviewed.push(DRAFT
          ? `| \`${file}:${mutant.location.start.line}\` | ${codeSpan(code)} | ${codeSpan(oneLine(mutant.replacement ?? ''))} | ${mutant.mutatorName} ${mutant.status}: ? |`
          : `  ${file}:${mutant.location.start.line} ${mutant.mutatorName}: \`${code}\` → \`${oneLine(mutant.replacement ?? '')}\` (${mutant.status})`);
      }
    }
    rows.push(`  ${file.padEnd(32)} ${String(counts.valid).padStart(4)} ${String(counts.detected).padStart(8)} ${String(counts.equivalent).padStart(10)} ${percent(counts.detected, counts.valid).padStart(8)} ${percent(counts.detected, counts.valid - counts.equivalent).padStart(11)}`);
    all = { valid: all.valid + counts.valid, detected: all.detected + counts.detected, equivalent: all.equivalent + counts.equivalent };
  }

  console.log(`  ${'file'.padEnd(32)} ${'all'.padStart(4)} ${'detected'.padStart(8)} ${'equivalent'.padStart(10)} ${'raw'.padStart(8)} ${'w/o equiv.'.padStart(11)}`);
  for (const row of rows) console.log(row);
  console.log(`\nMutation score: ${percent(all.detected, all.valid)} raw (${all.detected} of ${all.valid} mutants detected); ` +
    `${percent(all.detected, all.valid - all.equivalent)} without the ${all.equivalent} equivalent ones (${all.detected} of ${all.valid - all.equivalent}).`);
  const conforming = byReason.get('conforming') ?? 0;
  console.log(`Counting the "conforming" survivors as undetected: ${percent(all.detected, all.valid - all.equivalent + conforming)}.`);
  console.log(`Reviewed survivors by reason (docs/equivalent-mutants.md): ${[...byReason].map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none'}.`);

  const stale = [...listed.keys()].filter((key) => !seen.has(key));
  if (stale.length > 0) {
    console.log(`\n${stale.length} reviewed survivor(s) in docs/equivalent-mutants.md no longer survive, or their code changed: update the list.`);
  }
  if (unreviewed.length > 0) {
    console.error(`\n${unreviewed.length} surviving mutant(s) not reviewed: add the missing check to the suite, or list the mutant in docs/equivalent-mutants.md with its reason.`);
    for (const line of unreviewed) console.error(line);
    return 1;
  }
  return 0;
}

process.exit(main());
