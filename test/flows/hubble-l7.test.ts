import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FlowAggregator } from '../../src/flows/aggregate.js';
import { L7Aggregator, MAX_HTTP_PATH, splitUrl } from '../../src/flows/l7.js';
import { dnsName } from '../../src/text/dns-name.js';
import { readFlows } from '../../src/flows/read.js';
import { describeFlow, describeRequest, fixture, readLog } from './helpers.js';

const frontend = 'shop Deployment/frontend {app=frontend}';
const api = 'shop Deployment/api {app=api}';

describe('Hubble L7 records', () => {
  it('reads HTTP requests, DNS questions and DNS answers apart from connections (synthetic)', async () => {
    const result = await readFlows([fixture('hubble/synthetic-l7.jsonl')], { root: fixture('') });
    expect(result.l7?.http.map(describeRequest)).toEqual([
      // line 12: enums as numbers, a URL that is a path
      `${api} -> ${frontend} TCP/8081 allowed POST /hooks/order x1 2026-11-20T08:00:07.000Z .. 2026-11-20T08:00:07.000Z`,
      // lines 8 and 10: one path, with and without a query string; the response (line 9) is not a request
      `${frontend} -> ${api} TCP/8080 allowed GET api.shop:8080/v1/orders (1 with query) x2 2026-11-20T08:00:04.001Z .. 2026-11-20T08:00:05.000Z`,
      // line 11: refused by the proxy
      `${frontend} -> ${api} TCP/8080 denied DELETE api.shop:8080/v1/orders/7 x1 2026-11-20T08:00:06.000Z .. 2026-11-20T08:00:06.000Z`,
    ]);
    expect(result.l7?.dnsLookups.map(describeRequest)).toEqual([
      `${frontend} -> kube-system {k8s-app=kube-dns} UDP/53 allowed DNS api.github.com x1 2026-11-20T08:00:01.001Z .. 2026-11-20T08:00:01.001Z`,
    ]);
    // Lines 3 and 4 (the name in another case); the NXDOMAIN answer (line 5) gives none.
    expect(result.l7?.dnsAnswers).toEqual([
      {
        name: 'api.github.com',
        addresses: ['140.82.112.5', '140.82.112.6', '2606:50c0:8000::64'],
        count: 2,
        firstSeen: '2026-11-20T08:00:01.002Z',
        lastSeen: '2026-11-20T08:05:00.000Z',
      },
    ]);
    // Headers are not kept (they may hold credentials).
    expect(JSON.stringify(result.l7)).not.toContain('secret');
    const file = 'hubble/synthetic-l7.jsonl';
    expect(result.stats).toEqual({
      // lines 1, 6, 7 and the request of line 12, the first record of its connection
      records: 4,
      // the other L7 records: 3 requests, 1 question, 2 answers
      l7: 6,
      skipped: 3,
      // the HTTP response, the NXDOMAIN answer, the Kafka request
      ignored: 3,
      skippedSamples: [
        { file, line: 14, reason: '"l7" is not an object' },
        { file, line: 15, reason: 'l7.dns.ips is not a list of addresses' },
        { file, line: 16, reason: 'l7.http.method is not a method' },
      ],
    });
  });

  it('counts a connection that only its L7 records show, and no other (the same 5-tuple)', async () => {
    const result = await readFlows([fixture('hubble/synthetic-l7.jsonl')]);
    expect(result.flows.map(describeFlow)).toEqual([
      // Only the L7 request of line 12 shows it: the proxy saw it, so it passed L3/L4.
      `${api} -> ${frontend} TCP/8081 allowed x1 2026-11-20T08:00:07.000Z .. 2026-11-20T08:00:07.000Z`,
      // Lines 1, 6 and 7: the L3/L4 records. Their requests (lines 2, 8, 10, 11) are not connections of their own,
      // and the refused request (line 11) does not make its connection a denied one; they widen its window.
      `${frontend} -> kube-system {k8s-app=kube-dns} UDP/53 allowed x1 2026-11-20T08:00:01.000Z .. 2026-11-20T08:00:01.001Z`,
      `${frontend} -> ${api} TCP/8080 allowed x1 2026-11-20T08:00:04.000Z .. 2026-11-20T08:00:06.000Z`,
      `${frontend} -> reserved:world 140.82.112.5 TCP/443 allowed x1 2026-11-20T08:00:03.000Z .. 2026-11-20T08:00:03.000Z`,
    ]);
  });

  it('reads the same when a request comes before the L3/L4 records of its connection', async () => {
    const lines = readFileSync(fixture('hubble/synthetic-l7.jsonl'), 'utf8').trimEnd().split('\n');
    const inOrder = await readLog(lines);
    const reversed = await readLog([...lines].reverse());
    expect(reversed.flows).toEqual(inOrder.flows);
    expect(reversed.l7).toEqual(inOrder.l7);
  });

  it('reads the DNS answers of the DNS-proxy sample (cilium/hubble-otel)', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-400-udp-flows.json')]);
    expect(
      result.l7?.dnsAnswers.map(({ name, addresses, count }) => `${name} ${addresses.join(',')} x${count}`),
    ).toEqual([
      'details.bookinfo.svc.cluster.local 10.245.111.254 x12',
      'productpage.bookinfo.svc.cluster.local 10.245.218.54 x13',
      'reviews.bookinfo.svc.cluster.local 10.245.173.99 x12',
    ]);
    expect(result.l7?.dnsLookups.map((lookup) => `${lookup.query} x${lookup.count}`)).toEqual([
      'details.bookinfo.svc.cluster.local x24',
      'reviews.bookinfo.svc.cluster.local x24',
      'productpage.bookinfo.svc.cluster.local x26',
    ]);
    expect(result.l7?.http).toEqual([]);
  });

  it('reads the HTTP requests of the bookinfo sample (cilium/hubble-otel)', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-400-tcp-flows.json')]);
    const requests = result.l7?.http ?? [];
    expect(requests.reduce((sum, request) => sum + request.count, 0)).toBe(33);
    expect(new Set(requests.map((request) => `${request.method} ${request.path}`))).toEqual(
      new Set(['GET /productpage', 'GET /details/0', 'GET /reviews/0', 'GET /ratings/0']),
    );
  });

  it('bounds what it keeps and counts what it leaves out', () => {
    const bounds = { httpRequests: 3, dnsLookups: 3, dnsNames: 2, addressesPerName: 2 };
    const l7 = new L7Aggregator(new FlowAggregator(), bounds);
    const from = { namespace: 'shop', labels: { app: 'frontend' } };
    const to = { namespace: 'shop', labels: { app: 'api' } };
    const request = { from, to, protocol: 'TCP' as const, port: 8080, verdict: 'allowed' as const };
    for (const path of ['/a', '/b', '/c', '/d', '/a', `/${'a'.repeat(MAX_HTTP_PATH)}`])
      l7.add({ kind: 'http', ...request, method: 'GET', path, withQuery: false });
    l7.add({ kind: 'dns-answer', name: 'cdn.example', addresses: ['10.0.0.3', '10.0.0.1', '10.0.0.2'] });
    l7.add({ kind: 'dns-answer', name: 'cdn.example', addresses: ['10.0.0.1', '10.0.0.4'] });
    for (const name of ['a.example', 'b.example'])
      l7.add({ kind: 'dns-answer', name, addresses: ['10.1.0.1'] });
    const result = l7.result();
    // A request already held is still counted past the bound.
    expect(result?.http.map((r) => `${r.path} x${r.count}`)).toEqual(['/a x2', '/b x1', '/c x1']);
    expect(result?.dnsAnswers.map((a) => `${a.name} ${a.addresses.join(',')} x${a.count}`)).toEqual([
      'a.example 10.1.0.1 x1',
      'cdn.example 10.0.0.1,10.0.0.3 x2',
    ]);
    expect(l7.cut).toEqual({ http: 1, tooLong: 1, dnsAddresses: 2, dnsNames: 1 });
  });
});

describe('L7 values', () => {
  it.each([
    ['http://reviews:9080/reviews/0', { host: 'reviews:9080', path: '/reviews/0', withQuery: false }],
    [
      'https://user:pw@api.shop/v1/orders?page=2#top',
      { host: 'api.shop', path: '/v1/orders', withQuery: true },
    ],
    ['http://api.shop', { host: 'api.shop', path: '/', withQuery: false }],
    ['http://api.shop?x', { host: 'api.shop', path: '/', withQuery: true }],
    ['/hooks/order#x?y', { path: '/hooks/order', withQuery: false }],
    ['', { path: '/', withQuery: false }],
  ])('splits %j', (url, parts) => {
    expect(splitUrl(url)).toEqual(parts);
  });

  it('compares DNS names as Cilium does: any case, trailing dot or not', () => {
    expect(dnsName('API.GitHub.com.')).toBe('api.github.com');
    expect(dnsName('api.github.com')).toBe('api.github.com');
  });
});
