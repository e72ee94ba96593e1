import { isIP } from 'node:net';
import { isMap, isNode, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Protocol } from '../model/types.js';
import { parseIsoTime, type TimedFlow } from './aggregate.js';
import type { FlowLineReader, FlowSink } from './sink.js';
import type { FlowEndpoint, FlowVerdict } from './types.js';
import { isObject, isPort, parseJsonLine, shown, splitLabel } from './values.js';

/** The native format (docs/flows.md): for exports of any other tool, and for people writing flows by hand. */

const RECORD_FIELDS = new Set([
  'from',
  'to',
  'port',
  'protocol',
  'count',
  'firstSeen',
  'lastSeen',
  'verdict',
]);
const ENDPOINT_FIELDS = new Set(['namespace', 'workload', 'labels', 'ip']);
const PROTOCOLS: Readonly<Record<string, Protocol>> = { TCP: 'TCP', UDP: 'UDP', SCTP: 'SCTP' };
const VERDICTS = new Set<FlowVerdict>(['allowed', 'denied', 'dropped-other', 'audit']);

/** Most aliases one YAML document may expand (as the manifest loader bounds it), against billion-laughs files. */
const MAX_YAML_ALIASES = 100;

/** A native record as a flow, or why it is not one. Unknown fields are errors: a misspelt field must not pass unseen. */
export function nativeRecord(value: unknown): TimedFlow | string {
  if (!isObject(value)) return 'not an object';
  const unknown = Object.keys(value).find((key) => !RECORD_FIELDS.has(key));
  if (unknown !== undefined) return `unknown field ${shown(unknown)}`;
  const from = nativeEndpoint(value.from, 'from');
  if (typeof from === 'string') return from;
  const to = nativeEndpoint(value.to, 'to');
  if (typeof to === 'string') return to;
  if (!isPort(value.port)) return `port ${shown(value.port)} is not a port (1-65535)`;
  const protocol =
    value.protocol === undefined
      ? 'TCP'
      : typeof value.protocol === 'string'
        ? PROTOCOLS[value.protocol.toUpperCase()]
        : undefined;
  if (!protocol) return `protocol ${shown(value.protocol)} is not TCP, UDP or SCTP`;
  const count = value.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    return `count ${shown(count)} is not a positive integer`;
  const verdict = value.verdict ?? 'allowed';
  if (!VERDICTS.has(verdict as FlowVerdict))
    return `verdict ${shown(verdict)} is not allowed, denied, dropped-other or audit`;
  const flow: TimedFlow = { from, to, protocol, port: value.port, verdict: verdict as FlowVerdict, count };
  for (const [field, target] of [
    ['firstSeen', 'firstMs'],
    ['lastSeen', 'lastMs'],
  ] as const) {
    if (value[field] === undefined) continue;
    const ms = parseIsoTime(value[field]);
    if (ms === undefined)
      return `${field} ${shown(value[field])} is not an ISO-8601 date-time with a time zone`;
    flow[target] = ms;
  }
  return flow;
}

function nativeEndpoint(value: unknown, side: 'from' | 'to'): FlowEndpoint | string {
  if (value === undefined) return `missing "${side}"`;
  if (!isObject(value)) return `${side} is not an object`;
  const unknown = Object.keys(value).find((key) => !ENDPOINT_FIELDS.has(key));
  if (unknown !== undefined) return `unknown field ${shown(`${side}.${unknown}`)}`;
  const endpoint: FlowEndpoint = {};
  if (value.namespace !== undefined) {
    if (typeof value.namespace !== 'string' || value.namespace === '')
      return `${side}.namespace is not a name`;
    endpoint.namespace = value.namespace;
  }
  if (value.workload !== undefined) {
    const parts = typeof value.workload === 'string' ? value.workload.split('/') : [];
    if (parts.length < 1 || parts.length > 2 || parts.some((part) => part === '')) {
      return `${side}.workload ${shown(value.workload)} is not "name" or "Kind/name"`;
    }
    const [kindOrName = '', name] = parts;
    endpoint.workload = name === undefined ? { name: kindOrName } : { kind: kindOrName, name };
  }
  if (value.labels !== undefined) {
    const labels = value.labels;
    if (!isObject(labels) || Object.values(labels).some((label) => typeof label !== 'string')) {
      return `${side}.labels is not a map of strings`;
    }
    endpoint.labels = labels as Record<string, string>;
  }
  if (value.ip !== undefined) {
    if (typeof value.ip !== 'string' || isIP(value.ip) === 0)
      return `${side}.ip ${shown(value.ip)} is not an IP address`;
    endpoint.ip = value.ip;
  }
  if (Object.keys(endpoint).length === 0) return `${side} has none of namespace, workload, labels, ip`;
  return endpoint;
}

function addRecord(value: unknown, lineNumber: number, sink: FlowSink): void {
  const flow = nativeRecord(value);
  if (typeof flow === 'string') sink.skip(lineNumber, flow);
  else sink.add(flow);
}

/** Native records, one JSON object per line. */
export class NativeJsonLinesReader implements FlowLineReader {
  line(text: string, lineNumber: number, terminated: boolean, sink: FlowSink): void {
    const parsed = parseJsonLine(text, terminated);
    if ('reason' in parsed) sink.skip(lineNumber, parsed.reason);
    else addRecord(parsed.value, lineNumber, sink);
  }
}

/** The CSV columns, each the native field it fills. */
const CSV_COLUMNS: Readonly<Record<string, readonly [string, string] | readonly [string]>> = {
  from_namespace: ['from', 'namespace'],
  from_workload: ['from', 'workload'],
  from_labels: ['from', 'labels'],
  from_ip: ['from', 'ip'],
  to_namespace: ['to', 'namespace'],
  to_workload: ['to', 'workload'],
  to_labels: ['to', 'labels'],
  to_ip: ['to', 'ip'],
  port: ['port'],
  protocol: ['protocol'],
  count: ['count'],
  first_seen: ['firstSeen'],
  last_seen: ['lastSeen'],
  verdict: ['verdict'],
};

/** Whether a line looks like the header of a native CSV file (a misspelt column is then reported by the reader). */
export function isCsvHeader(line: string): boolean {
  const columns = splitCsvLine(line)?.map((column) => column.trim());
  return (
    columns !== undefined && columns.includes('port') && columns.some((column) => /^(from|to)_/.test(column))
  );
}

/**
 * Native records as CSV: a header naming columns of `CSV_COLUMNS` in any order, then one record per line. Empty cells
 * are absent fields; labels are `key=value` pairs separated by `;`; lines starting with `#` are comments. One
 * instance per file (it holds the header).
 */
export class NativeCsvReader implements FlowLineReader {
  private columns: (readonly string[] | undefined)[] | undefined;

  line(text: string, lineNumber: number, _terminated: boolean, sink: FlowSink): void {
    if (text.startsWith('#')) return;
    const cells = splitCsvLine(text);
    if (!this.columns) {
      if (!cells) {
        sink.skip(lineNumber, 'CSV header has an unclosed quote');
        return;
      }
      this.columns = cells.map((cell) => CSV_COLUMNS[cell.trim()]);
      const unknown = cells.filter((_, index) => !this.columns?.[index]);
      if (unknown.length > 0)
        sink.skip(lineNumber, `unknown CSV column ${unknown.map(shown).join(', ')} (ignored)`);
      return;
    }
    if (!cells) {
      sink.skip(lineNumber, 'unclosed quote');
      return;
    }
    if (cells.length !== this.columns.length) {
      sink.skip(lineNumber, `${cells.length} cells where the header has ${this.columns.length}`);
      return;
    }
    const record: Record<string, unknown> = {};
    cells.forEach((cell, index) => {
      const target = this.columns?.[index];
      const trimmed = cell.trim();
      if (!target || trimmed === '') return;
      const [field = '', endpointField] = target;
      if (endpointField === undefined) {
        record[field] = NUMBER_FIELDS.has(field) && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
      } else {
        const endpoint = (record[field] ??= {}) as Record<string, unknown>;
        endpoint[endpointField] = endpointField === 'labels' ? csvLabels(trimmed) : trimmed;
      }
    });
    addRecord(record, lineNumber, sink);
  }
}

const NUMBER_FIELDS = new Set(['port', 'count']);

function csvLabels(text: string): Record<string, string> {
  const labels = text
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map(splitLabel);
  return Object.fromEntries(labels);
}

/** Splits one CSV line (RFC 4180 quotes, `""` for a quote inside); undefined when a quote is not closed. */
function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let index = 0;
  for (;;) {
    if (line[index] === '"') {
      let cell = '';
      index++;
      for (;;) {
        const quote = line.indexOf('"', index);
        if (quote < 0) return undefined;
        cell += line.slice(index, quote);
        if (line[quote + 1] === '"') {
          cell += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      const comma = line.indexOf(',', index);
      cells.push(cell);
      if (comma < 0) return cells;
      index = comma + 1;
    } else {
      const comma = line.indexOf(',', index);
      cells.push(line.slice(index, comma < 0 ? undefined : comma));
      if (comma < 0) return cells;
      index = comma + 1;
    }
  }
}

/**
 * Native records in a file read whole: a JSON array, or YAML (a list, a record, or several documents of either).
 * Each record's line is where it starts, so problems point at the right place.
 */
export function readNativeDocument(text: string, sink: FlowSink): void {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 0 : lineCounter.linePos(offset).line;
  for (const document of parseAllDocuments(text, { lineCounter })) {
    const error = document.errors[0];
    if (error) {
      // The message's first line, without the position it repeats (the sample has the line).
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      sink.skip(lineOf(error.pos[0]), `YAML: ${message || error.code}`);
      continue;
    }
    const contents = document.contents;
    if (contents === null) continue;
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (failure) {
      sink.skip(lineOf(contents.range?.[0]), `YAML: ${(failure as Error).message}`);
      continue;
    }
    if (isSeq(contents) && Array.isArray(value)) {
      contents.items.forEach((item, index) => {
        addRecord(value[index], lineOf((isNode(item) ? item.range : contents.range)?.[0]), sink);
      });
    } else if (isMap(contents)) {
      addRecord(value, lineOf(contents.range?.[0]), sink);
    } else {
      sink.skip(lineOf(contents.range?.[0]), 'not a flow record or a list of them');
    }
  }
}
