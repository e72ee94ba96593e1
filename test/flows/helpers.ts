import { fileURLToPath } from 'node:url';
import type { AggregatedFlow, FlowEndpoint } from '../../src/flows/types.js';

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
