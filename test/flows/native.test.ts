import { describe, expect, it } from 'vitest';
import { readFlows } from '../../src/flows/read.js';
import { describeFlow, fixture } from './helpers.js';

describe('native reader', () => {
  const expected = [
    'monitoring prometheus -> shop {app=api,tier=backend} TCP/9090 denied x1 2026-11-20T07:30:00.000Z .. 2026-11-20T07:30:00.000Z',
    'shop {app=frontend} -> 203.0.113.9 TCP/443 allowed x3',
    'shop Deployment/frontend -> 10.96.0.10 UDP/53 allowed x40',
    'shop Deployment/frontend -> data postgres TCP/5432 allowed x20 2026-11-20T08:00:00.000Z .. 2026-11-20T10:00:00.000Z',
  ];

  it.each(['flows.jsonl', 'flows.json', 'flows.yaml', 'flows.csv'])(
    'reads %s into the same flows',
    async (name) => {
      const result = await readFlows([fixture(`native/${name}`)]);
      expect(result.flows.map(describeFlow)).toEqual(expected);
      expect(result.stats).toEqual({ records: 5, skipped: 0, ignored: 0, skippedSamples: [] });
      expect(result.window).toEqual({
        firstSeen: '2026-11-20T07:30:00.000Z',
        lastSeen: '2026-11-20T10:00:00.000Z',
      });
    },
  );

  it('gives workloads as name or Kind/name and defaults protocol, count and verdict', async () => {
    const { flows } = await readFlows([fixture('native/flows.jsonl')]);
    expect(flows[3]).toEqual({
      from: { namespace: 'shop', workload: { kind: 'Deployment', name: 'frontend' } },
      to: { namespace: 'data', workload: { name: 'postgres' } },
      protocol: 'TCP',
      port: 5432,
      verdict: 'allowed',
      count: 20,
      firstSeen: '2026-11-20T08:00:00.000Z',
      lastSeen: '2026-11-20T10:00:00.000Z',
    });
  });

  it('skips each kind of bad record with its line and reason', async () => {
    const result = await readFlows([fixture('native/corrupt.jsonl'), fixture('native/corrupt.yaml')], {
      root: fixture(''),
      maxSkippedSamples: 100,
    });
    expect(result.flows.map(describeFlow)).toEqual(['shop frontend -> data postgres TCP/5432 allowed x2']);
    const jsonl = 'native/corrupt.jsonl';
    const yaml = 'native/corrupt.yaml';
    expect(result.stats.skippedSamples).toEqual([
      { file: jsonl, line: 2, reason: 'unknown field "colour"' },
      { file: jsonl, line: 3, reason: 'unknown field "to.namesapce"' },
      { file: jsonl, line: 4, reason: 'port 70000 is not a port (1-65535)' },
      { file: jsonl, line: 5, reason: 'protocol "ICMP" is not TCP, UDP or SCTP' },
      { file: jsonl, line: 6, reason: 'verdict "blocked" is not allowed, denied, dropped-other or audit' },
      { file: jsonl, line: 7, reason: 'from.workload "a/b/c" is not "name" or "Kind/name"' },
      { file: jsonl, line: 8, reason: 'from.labels is not a map of strings' },
      { file: jsonl, line: 9, reason: 'to.ip "10.0.0.300" is not an IP address' },
      { file: jsonl, line: 10, reason: 'to has none of namespace, workload, labels, ip' },
      { file: jsonl, line: 11, reason: 'count 0 is not a positive integer' },
      {
        file: jsonl,
        line: 12,
        reason: 'lastSeen "20 Nov 2026" is not an ISO-8601 date-time with a time zone',
      },
      { file: jsonl, line: 13, reason: 'missing "from"' },
      { file: jsonl, line: 14, reason: 'not an object' },
      { file: yaml, line: 5, reason: 'not an object' },
      {
        file: yaml,
        line: 8,
        reason: 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
      { file: yaml, line: 9, reason: 'port "5432" is not a port (1-65535)' },
    ]);
    expect(result.stats).toMatchObject({ records: 2, skipped: 16, ignored: 0 });
  });

  it('skips each bad record of a document on one line, all at that line', async () => {
    const result = await readFlows([fixture('native/one-line-array.json')], { root: fixture('') });
    expect(result.flows.map(describeFlow)).toEqual(['shop frontend -> data postgres TCP/5432 allowed x1']);
    const file = 'native/one-line-array.json';
    expect(result.stats.skippedSamples).toEqual([
      { file, line: 1, reason: 'port 70000 is not a port (1-65535)' },
      { file, line: 1, reason: 'not an object' },
    ]);
  });
});
