import type { CheckResult, FlowsResult } from '../check/types.js';
import { codeSpan, escapeMarkdown } from './escape.js';
import { describeAge, describeDuration, isoTime, plural, SHORT_WINDOW_MS } from './format.js';
import { linkTarget } from './links.js';
import type { RunContext } from './types.js';

/**
 * The footer of the check report: what was compared (head and base commits), the run, and what the flows were
 * worth (their window, its age, records skipped), with a warning when there were none or they cover less than a day.
 */

/**
 * Starts the footer's line about this run (its link, the commits, the flows' age): it changes from run to run while
 * the report may not, so `comment: on-change` compares the comment without it ({@link comparableReport}).
 */
export const RUN_LINE_MARKER = '<!-- netpol-guard:run -->';

/**
 * The report as two runs that found the same thing write it: without the run line, and with each age as the time it
 * stands for (`comment: on-change` compares these, so a later run does not rewrite a report that only aged).
 */
export function comparableReport(markdown: string): string {
  const at = markdown.indexOf(RUN_LINE_MARKER);
  return (at === -1 ? markdown : markdown.slice(0, at)).replace(
    /<abbr title="([^"<>]*)">[^<]*<\/abbr>/g,
    '$1',
  );
}

/** `<abbr title="2026-11-20T08:03:09.000Z">2 days before this run</abbr>`, or the ISO time when there is no now. */
export function timeMarkdown(time: string | undefined, now: string | undefined): string {
  const iso = isoTime(time);
  if (!iso) return escapeMarkdown(time ?? '', 60);
  const age = describeAge(iso, now);
  return age ? `<abbr title="${iso}">${age}</abbr>` : iso;
}

function windowText(flows: FlowsResult, now: string | undefined): string {
  const first = isoTime(flows.window?.firstSeen);
  const last = isoTime(flows.window?.lastSeen);
  if (!first || !last) return 'without times';
  const span = describeDuration(Date.parse(last) - Date.parse(first));
  const age = describeAge(last, now);
  return age
    ? `over ${span}, ending <abbr title="${first} to ${last}">${age}</abbr>`
    : `over ${span}, ${first} to ${last}`;
}

/** `33 flow records replayed over 3 minutes (ending 2 days before this run): 2 still denied, 1 unreadable record skipped`. */
function flowsText(flows: FlowsResult, now: string | undefined): string {
  const counts: [number, string][] = [
    [flows.stillDenied, 'still denied'],
    [flows.otherDrops, 'dropped for reasons other than policy'],
    [flows.deniedAtBase, 'denied at base too (the recording and the base manifests disagree)'],
  ];
  const notes = [
    ...counts
      .filter(([count]) => count > 0)
      .map(([count, what]) => `${count.toLocaleString('en-US')} ${what}`),
    ...(flows.skipped > 0 ? [`${plural(flows.skipped, 'unreadable record')} skipped`] : []),
  ];
  return `${plural(flows.records, 'flow record')} replayed ${windowText(flows, now)}${notes.length > 0 ? `: ${notes.join(', ')}` : ''}`;
}

/** Warnings on what the flows cannot show: none given, or a window shorter than a day. */
function flowWarnings(flows: FlowsResult | undefined): string[] {
  if (!flows || flows.records === 0) {
    return [
      ':warning: **No recorded flows were replayed**: traffic this change would cut cannot be seen. Give the check a recent recording (`flows`, see docs/flows.md).',
    ];
  }
  const first = isoTime(flows.window?.firstSeen);
  const last = isoTime(flows.window?.lastSeen);
  if (!first || !last) return [];
  const span = Date.parse(last) - Date.parse(first);
  if (span >= SHORT_WINDOW_MS) return [];
  return [
    `:warning: **The flows cover only ${describeDuration(span)}**: a recording shorter than a day misses daily traffic (backups, CronJobs, reports), whose cuts this check cannot see.`,
  ];
}

const shortSha = (sha: string | undefined) =>
  sha && /^[0-9a-f]{7,64}$/i.test(sha) ? codeSpan(sha.slice(0, 12)) : undefined;

/** The footer, or undefined when there is nothing to say in it. */
export function checkFooter(
  result: CheckResult,
  context: RunContext | undefined,
  runUrl: string | undefined,
): string {
  const now = context?.now;
  const head = shortSha(context?.headSha);
  const base = shortSha(context?.baseSha);
  const run = linkTarget(runUrl);
  const details = [
    ...(head ? [`head ${head}`] : []),
    ...(base ? [`base ${base}`] : head ? ['no base (everything is new)'] : []),
    ...(run ? [`[this run](${run})`] : []),
    ...(result.flows ? [flowsText(result.flows, now)] : []),
  ];
  return [
    '---',
    ...flowWarnings(result.flows),
    ...(details.length > 0 ? [`${RUN_LINE_MARKER}\n<sub>${details.join(' · ')}</sub>`] : []),
  ].join('\n\n');
}
