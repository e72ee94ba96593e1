import type { Protocol } from '../model/types.js';
import { compareText } from '../text/compare.js';
import type { FlowAggregator } from './aggregate.js';
import type {
  DnsAnswer,
  DnsLookup,
  FlowEndpoint,
  FlowVerdict,
  L7Cut,
  L7HttpRequest,
  L7Records,
} from './types.js';

/** One L7 record as a reader makes it, before aggregation (times in epoch milliseconds). */
export type L7Record =
  | (L7Request & { kind: 'http'; method: string; host?: string; path: string; withQuery: boolean })
  | (L7Request & { kind: 'dns-lookup'; query: string })
  | { kind: 'dns-answer'; name: string; addresses: readonly string[]; ms?: number };

/** The connection a request went over, as {@link L7Record}s carry it. */
interface L7Request {
  from: FlowEndpoint;
  to: FlowEndpoint;
  protocol: Protocol;
  port: number;
  verdict: FlowVerdict;
  ms?: number;
}

/**
 * Bounds of what L7 records may hold: a cluster makes a few hundred distinct requests per service and looks up a few
 * thousand names; a log holding more (paths with ids in them, random subdomains) must not grow memory.
 */
export const L7_BOUNDS = {
  /** Distinct HTTP requests (connection, method, host, path, verdict). */
  httpRequests: 100_000,
  /** Distinct DNS lookups (connection, name, verdict). */
  dnsLookups: 100_000,
  /** Names answered. */
  dnsNames: 100_000,
  /** Addresses kept per name: a name behind a CDN rotates through a few dozen a day; a log naming more is cut. */
  addressesPerName: 1000,
};
export type L7Bounds = typeof L7_BOUNDS;
/** Longest method, host and path kept (a request line is rarely over 2 KiB; Envoy refuses headers over 60 KiB). */
export const MAX_HTTP_METHOD = 32;
export const MAX_HTTP_HOST = 300;
export const MAX_HTTP_PATH = 4096;
/** Longest DNS name (RFC 1035: 255 octets on the wire, 253 characters written without the trailing dot). */
export const MAX_DNS_NAME = 253;

/** An aggregated request while reading. */
interface RequestEntry<T> {
  record: T;
  /** Sort key: the endpoints' canonical keys and the request's own fields. */
  key: string;
  firstMs?: number;
  lastMs?: number;
}

interface AnswerEntry {
  name: string;
  addresses: Set<string>;
  count: number;
  firstMs?: number;
  lastMs?: number;
}

/**
 * Sums L7 records while streaming: HTTP requests by connection, method, host and path (query string left out),
 * DNS lookups by connection and name, DNS answers by name. Endpoints are canonicalised by the flow aggregator, so
 * an L7 record and the connection it went over share their endpoint objects. What does not fit a bound is counted
 * in {@link cut}, by bound.
 */
export class L7Aggregator {
  readonly cut: L7Cut = {};
  private readonly http = new Map<string, RequestEntry<L7HttpRequest>>();
  private readonly lookups = new Map<string, RequestEntry<DnsLookup>>();
  private readonly answers = new Map<string, AnswerEntry>();

  constructor(
    private readonly flows: FlowAggregator,
    private readonly bounds: L7Bounds = L7_BOUNDS,
  ) {}

  add(record: L7Record): void {
    if (record.kind === 'dns-answer') return this.addAnswer(record);
    if (tooLong(record)) {
      this.count('tooLong');
      return;
    }
    const from = this.flows.canonicalOf(record.from);
    const to = this.flows.canonicalOf(record.to);
    const connection = [from.key, to.key, record.protocol, record.port, record.verdict];
    if (record.kind === 'http') {
      const fields = [record.method, record.host ?? '', record.path];
      const key = JSON.stringify([...connection, ...fields]);
      const entry = this.entry<L7HttpRequest>(this.http, key, this.bounds.httpRequests, 'http', () => ({
        ...connectionOf(record, from.endpoint, to.endpoint),
        method: record.method,
        ...(record.host !== undefined ? { host: record.host } : {}),
        path: record.path,
      }));
      if (!entry) return;
      this.extend(entry, record.ms);
      if (record.withQuery) entry.record.withQuery = (entry.record.withQuery ?? 0) + 1;
    } else {
      const key = JSON.stringify([...connection, record.query]);
      const entry = this.entry<DnsLookup>(this.lookups, key, this.bounds.dnsLookups, 'dnsLookups', () => ({
        ...connectionOf(record, from.endpoint, to.endpoint),
        query: record.query,
      }));
      if (entry) this.extend(entry, record.ms);
    }
  }

  /** The aggregated records in a stable order (by key), or undefined when none were read. */
  result(): L7Records | undefined {
    if (this.http.size === 0 && this.lookups.size === 0 && this.answers.size === 0) return undefined;
    const ordered = <T extends { firstSeen?: string; lastSeen?: string }>(
      entries: Map<string, RequestEntry<T>>,
    ) =>
      [...entries.values()]
        .sort((a, b) => compareText(a.key, b.key))
        .map((entry) => withWindow(entry.record, entry.firstMs, entry.lastMs));
    const dnsAnswers = [...this.answers.values()]
      .sort((a, b) => compareText(a.name, b.name))
      .map((entry) =>
        withWindow<DnsAnswer>(
          { name: entry.name, addresses: [...entry.addresses].sort(compareText), count: entry.count },
          entry.firstMs,
          entry.lastMs,
        ),
      );
    return { http: ordered(this.http), dnsLookups: ordered(this.lookups), dnsAnswers };
  }

  private addAnswer(record: Extract<L7Record, { kind: 'dns-answer' }>): void {
    if (record.name.length > MAX_DNS_NAME) {
      this.count('tooLong');
      return;
    }
    let entry = this.answers.get(record.name);
    if (!entry) {
      if (this.answers.size >= this.bounds.dnsNames) {
        this.count('dnsNames');
        return;
      }
      entry = { name: record.name, addresses: new Set(), count: 0 };
      this.answers.set(record.name, entry);
    }
    entry.count++;
    for (const address of record.addresses) {
      if (entry.addresses.has(address)) continue;
      if (entry.addresses.size >= this.bounds.addressesPerName) this.count('dnsAddresses');
      else entry.addresses.add(address);
    }
    extend(entry, record.ms);
  }

  private entry<T>(
    entries: Map<string, RequestEntry<T>>,
    key: string,
    max: number,
    bound: keyof L7Cut,
    make: () => T,
  ): RequestEntry<T> | undefined {
    const known = entries.get(key);
    if (known) return known;
    if (entries.size >= max) {
      this.count(bound);
      return undefined;
    }
    const entry: RequestEntry<T> = { record: make(), key };
    entries.set(key, entry);
    return entry;
  }

  private extend(entry: RequestEntry<L7HttpRequest | DnsLookup>, ms: number | undefined): void {
    entry.record.count++;
    extend(entry, ms);
  }

  private count(bound: keyof L7Cut): void {
    this.cut[bound] = (this.cut[bound] ?? 0) + 1;
  }
}

function connectionOf(request: L7Request, from: FlowEndpoint, to: FlowEndpoint) {
  return { from, to, protocol: request.protocol, port: request.port, verdict: request.verdict, count: 0 };
}

function tooLong(record: Exclude<L7Record, { kind: 'dns-answer' }>): boolean {
  if (record.kind === 'dns-lookup') return record.query.length > MAX_DNS_NAME;
  return (
    record.method.length > MAX_HTTP_METHOD ||
    (record.host?.length ?? 0) > MAX_HTTP_HOST ||
    record.path.length > MAX_HTTP_PATH
  );
}

function extend(entry: { firstMs?: number; lastMs?: number }, ms: number | undefined): void {
  if (ms === undefined) return;
  if (entry.firstMs === undefined || ms < entry.firstMs) entry.firstMs = ms;
  if (entry.lastMs === undefined || ms > entry.lastMs) entry.lastMs = ms;
}

function withWindow<T extends { firstSeen?: string; lastSeen?: string }>(
  record: T,
  firstMs: number | undefined,
  lastMs: number | undefined,
): T {
  if (firstMs === undefined || lastMs === undefined) return record;
  return { ...record, firstSeen: new Date(firstMs).toISOString(), lastSeen: new Date(lastMs).toISOString() };
}

/**
 * The path of a request URL without query string or fragment, its host, and whether it had a query: Hubble writes
 * the URL whole (`http://reviews:9080/reviews/0?x=1`); a URL without scheme and host is taken as a path.
 */
export function splitUrl(url: string): { host?: string; path: string; withQuery: boolean } {
  let rest = url;
  let host: string | undefined;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest);
  if (scheme) {
    rest = rest.slice(scheme[0].length);
    const slash = rest.search(/[/?#]/);
    host = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    // Credentials before the host are no part of it, and are not kept.
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
  }
  const end = rest.search(/[?#]/);
  const path = end < 0 ? rest : rest.slice(0, end);
  return {
    ...(host ? { host } : {}),
    path: path === '' ? '/' : path,
    withQuery: end >= 0 && rest[end] === '?',
  };
}
