import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFlows, type FlowReadResult } from '../../src/flows/read.js';
import type { AggregatedFlow, DnsLookup, FlowEndpoint, L7HttpRequest } from '../../src/flows/types.js';

/** Absolute path of a file under `fixtures/flows/`. */
export function fixture(path: string): string {
  return fileURLToPath(new URL(`../../fixtures/flows/${path}`, import.meta.url));
}

/** An endpoint in one line: every identifying field, so a summary pins the endpoint exactly. */
export function describeEndpoint(endpoint: FlowEndpoint): string {
  const parts: string[] = [];
  if (endpoint.reserved !== undefined) parts.push(`reserved:${endpoint.reserved}`);
  if (endpoint.namespace !== undefined) parts.push(endpoint.namespace);
  if (endpoint.workload) {
    parts.push(
      endpoint.workload.kind ? `${endpoint.workload.kind}/${endpoint.workload.name}` : endpoint.workload.name,
    );
  }
  if (endpoint.labels) {
    parts.push(
      `{${Object.entries(endpoint.labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(',')}}`,
    );
  }
  if (endpoint.ip !== undefined) parts.push(endpoint.ip);
  return parts.join(' ');
}

/** A flow in one line: endpoints, protocol/port, verdict (with drop reason), count and window, read like a table. */
export function describeFlow(flow: AggregatedFlow): string {
  const reason = flow.dropReason ? ` (${flow.dropReason})` : '';
  const window = flow.firstSeen && flow.lastSeen ? ` ${flow.firstSeen} .. ${flow.lastSeen}` : '';
  return `${describeEndpoint(flow.from)} -> ${describeEndpoint(flow.to)} ${flow.protocol}/${flow.port} ${flow.verdict}${reason} x${flow.count}${window}`;
}

/** An L7 request in one line, like {@link describeFlow}: endpoints, protocol/port, verdict, what was asked, count. */
export function describeRequest(request: L7HttpRequest | DnsLookup): string {
  const asked =
    'method' in request
      ? `${request.method} ${request.host ?? ''}${request.path}${request.withQuery ? ` (${request.withQuery} with query)` : ''}`
      : `DNS ${request.query}`;
  const window = request.firstSeen && request.lastSeen ? ` ${request.firstSeen} .. ${request.lastSeen}` : '';
  return `${describeEndpoint(request.from)} -> ${describeEndpoint(request.to)} ${request.protocol}/${request.port} ${request.verdict} ${asked} x${request.count}${window}`;
}

/** Reads lines written to a log file of their own, as a real log would be. */
export async function readLog(lines: readonly string[]): Promise<FlowReadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'netpol-guard-flows-'));
  try {
    const file = join(dir, 'flows.jsonl');
    await writeFile(file, lines.join('\n'));
    return await readFlows([file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
