import type { Diagnostic } from '../manifests/types.js';
import type { FlowReadResult } from '../flows/read.js';
import type { AnalysedSide } from './side.js';
import { L7_BOUNDS } from '../flows/l7.js';
import { noun } from '../text/plural.js';

/** Places named in the verdict's reason; the diagnostics list has them all. */
const PLACES_IN_REASON = 3;

/**
 * The input problems that mean part of head was not analysed: every error-level diagnostic that is not about the
 * base. A manifest the loader rejected held policies and workloads nobody checked, so they cannot be called safe.
 */
export function unreadInput(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && d.side !== 'base');
}

/** The verdict's reason for unread input, naming the first places (`file:line (code)`). */
export function unreadInputReason(unread: readonly Diagnostic[]): string | undefined {
  if (unread.length === 0) return undefined;
  const places = unread
    .slice(0, PLACES_IN_REASON)
    .map((d) => `${d.file ? `${d.file}${d.line ? `:${d.line}` : ''} ` : ''}(${d.code})`);
  const more = unread.length > PLACES_IN_REASON ? ` and ${unread.length - PLACES_IN_REASON} more` : '';
  return `input that could not be analysed: ${places.join(', ')}${more}`;
}

/** One error per flow file given that yielded no valid record: a recording that was not read proves nothing. */
export function unreadFlowDiagnostics(read: FlowReadResult): Diagnostic[] {
  return (read.unreadFiles ?? []).map((file) => {
    const sample = read.stats.skippedSamples.find((s) => s.file === file);
    return {
      severity: 'error',
      code: 'flows-unread',
      message:
        `no flow record could be read from this file${sample ? ` (${sample.reason})` : ' (it holds no records)'}; ` +
        'the flows it should hold are not replayed',
      file,
      ...(sample && sample.line > 0 ? { line: sample.line } : {}),
    };
  });
}

/** One warning when L7 records were left out at a bound of `L7_BOUNDS` (docs/limits.md), naming each bound. */
export function l7CutDiagnostics(read: FlowReadResult): Diagnostic[] {
  const cut = read.stats.l7Cut;
  if (!cut) return [];
  const parts = [
    cut.http && `${cut.http} of further distinct HTTP requests (past ${L7_BOUNDS.httpRequests})`,
    cut.dnsLookups && `${cut.dnsLookups} of further distinct DNS lookups (past ${L7_BOUNDS.dnsLookups})`,
    cut.dnsNames && `${cut.dnsNames} of further names answered (past ${L7_BOUNDS.dnsNames})`,
    cut.dnsAddresses &&
      `${cut.dnsAddresses} ${noun(cut.dnsAddresses, 'address', 'addresses')} of names answered with more than ${L7_BOUNDS.addressesPerName}`,
    cut.tooLong && `${cut.tooLong} with a method, host, path or name too long to keep`,
  ].filter((part): part is string => typeof part === 'string');
  return [
    {
      severity: 'warning',
      code: 'limit',
      message: `L7 records left out of the flows read: ${parts.join('; ')}; what they say is not used`,
    },
  ];
}

/**
 * Base diagnostics the report shows, marked as such: those head does not repeat (a broken file the pull request
 * leaves alone is reported once, at head). Told apart by code and place, not wording: a note that counts objects
 * ("24 objects have no metadata.namespace") says the same thing at both sides with another number. A note about no file
 * is told apart by its wording.
 */
export function baseOnlyDiagnostics(base: readonly Diagnostic[], head: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    d.file === undefined
      ? [d.code, d.message].join('\u0000')
      : [d.code, d.file, d.line ?? 0, d.column ?? 0].join('\u0000');
  const atHead = new Set(head.map(key));
  return base
    .filter((d) => !atHead.has(key(d)))
    .map((d) => ({ ...d, message: `at base: ${d.message}`, side: 'base' as const }));
}

/**
 * Files one side could not fully read: findings of the other side there cannot be told new or old (at base) or
 * fixed (at head).
 */
export function filesUnread(side: AnalysedSide): Set<string> {
  return new Set(
    side.diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file ?? ''),
  );
}
