import { describe, expect, it } from 'vitest';
import { readFlows } from '../../src/flows/read.js';
import { describeFlow, fixture, readLog } from './helpers.js';

const shopLabels = '{app=frontend,pod-template-hash=7d9f8c6b5}';
const frontend = `shop Deployment/frontend ${shopLabels}`;
const postgres = 'data StatefulSet/postgres {app=postgres,role=primary}';

/**
 * A `hubble observe -o jsonpb` line in the layout the byte reader takes: a FORWARDED TCP request from shop's
 * frontend (10.8.2.22:41000) to data's redis (10.8.1.11:6379), with the members a test changes (a changed member
 * keeps its place, a new one comes last, an undefined one is left out).
 */
function hubbleLine(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    flow: {
      time: '2026-11-20T09:00:00Z',
      verdict: 'FORWARDED',
      IP: { source: '10.8.2.22', destination: '10.8.1.11' },
      l4: { TCP: { source_port: 41000, destination_port: 6379 } },
      source: { namespace: 'shop', labels: ['k8s:app=frontend'] },
      destination: { namespace: 'data', labels: ['k8s:app=redis'] },
      Type: 'L3_L4',
      ...changes,
    },
  });
}

describe('Hubble reader', () => {
  it('reads verdicts, counts a connection once and ignores replies and ICMP (synthetic)', async () => {
    const result = await readFlows([fixture('hubble/synthetic-verdicts.jsonl')]);
    expect(result.flows.map(describeFlow)).toEqual([
      // lines 1 and 3 (two pods of one workload; line 3 has only the numeric drop_reason 133); line 2 retransmits line 1
      `${frontend} -> ${postgres} TCP/5432 denied (POLICY_DENIED) x2 2026-11-20T08:00:01.000Z .. 2026-11-20T08:00:03.000Z`,
      // line 6, seen again at another observation point on line 7
      `${frontend} -> ${postgres} TCP/5433 allowed x1 2026-11-20T08:00:06.000Z .. 2026-11-20T08:00:07.000Z`,
      `${frontend} -> data {app=redis} TCP/6379 dropped-other (CT_MAP_INSERTION_FAILED) x1 2026-11-20T08:00:04.000Z .. 2026-11-20T08:00:04.000Z`,
      `${frontend} -> data {app=redis} TCP/6380 audit x1 2026-11-20T08:00:05.000Z .. 2026-11-20T08:00:05.000Z`,
      // line 11, an L7 DNS question no L3/L4 record shows, and line 14: a bare flow object without the
      // GetFlowsResponse wrapper
      `${frontend} -> kube-system {k8s-app=kube-dns} UDP/53 allowed x2 2026-11-20T08:00:11.000Z .. 2026-11-20T08:00:14.000Z`,
      `${frontend} -> reserved:kube-apiserver+world 172.18.0.2 TCP/6443 allowed x1 2026-11-20T08:00:13.000Z .. 2026-11-20T08:00:13.000Z`,
      `reserved:world 198.51.100.7 -> ${frontend} TCP/8080 allowed x1 2026-11-20T08:00:12.000Z .. 2026-11-20T08:00:12.000Z`,
    ]);
    // ignored: the retransmission, the second observation point, is_reply, SYN+ACK, ICMP
    expect(result.stats).toEqual({ records: 9, skipped: 0, ignored: 5, skippedSamples: [] });
    expect(result.window).toEqual({
      firstSeen: '2026-11-20T08:00:01.000Z',
      lastSeen: '2026-11-20T08:00:14.000Z',
    });
  });

  it('keeps namespace labels and the service account apart and drops the other labels Cilium adds', async () => {
    const { flows } = await readFlows([fixture('hubble/synthetic-verdicts.jsonl')]);
    expect(flows[0]?.from).toEqual({
      namespace: 'shop',
      labels: { app: 'frontend', 'pod-template-hash': '7d9f8c6b5' },
      workload: { kind: 'Deployment', name: 'frontend' },
      serviceAccount: 'default',
      namespaceLabels: { 'kubernetes.io/metadata.name': 'shop' },
    });
  });

  it('skips corrupt lines with their line numbers and reads the rest', async () => {
    const result = await readFlows([fixture('hubble/synthetic-corrupt.jsonl')], { root: fixture('') });
    expect(result.flows.map(describeFlow)).toEqual([
      'shop {app=frontend} -> data {app=redis} TCP/6379 allowed x2 2026-11-20T09:00:00.000Z .. 2026-11-20T09:05:00.000Z',
    ]);
    const file = 'hubble/synthetic-corrupt.jsonl';
    expect(result.stats.skippedSamples).toEqual([
      { file, line: 2, reason: 'not JSON' },
      { file, line: 3, reason: 'not a JSON object' },
      { file, line: 4, reason: 'not a Hubble flow (no "flow" or "verdict")' },
      { file, line: 5, reason: 'unknown verdict "MAYBE"' },
      { file, line: 6, reason: 'l4.TCP.destination_port "6379" is not a port' },
      { file, line: 7, reason: 'source.labels is not a list' },
      { file, line: 8, reason: 'time "yesterday" is not an RFC 3339 timestamp' },
      { file, line: 11, reason: 'truncated last line (not complete JSON)' },
    ]);
    expect(result.stats).toMatchObject({ records: 2, skipped: 8, ignored: 0 });
  });

  it('reads the old-Cilium sample: deprecated reply flag, host and world peers', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-10-flows.json')]);
    expect(result.flows.map(describeFlow)).toEqual([
      'istio-system {app=prometheus,release=istio} -> bookinfo {app=reviews,security.istio.io/tlsMode=istio,version=v1} TCP/15090 allowed x1 2021-06-16T16:52:13.142Z .. 2021-06-16T16:52:13.142Z',
      'istio-system {app=telemetry,chart=mixer,heritage=Tiller,istio=mixer,istio-mixer-type=telemetry,release=istio,security.istio.io/tlsMode=istio} -> istio-system {app=galley,chart=galley,heritage=Tiller,istio=galley,release=istio} TCP/9901 allowed x1 2021-06-16T16:52:13.237Z .. 2021-06-16T16:52:13.237Z',
      'kube-system {k8s-app=event-exporter,version=v0.3.4} -> reserved:world 35.246.31.234 TCP/443 allowed x1 2021-06-16T16:52:13.596Z .. 2021-06-16T16:52:13.596Z',
      'reserved:host -> bookinfo {app=reviews,security.istio.io/tlsMode=istio,version=v1} TCP/15020 allowed x1 2021-06-16T16:52:13.136Z .. 2021-06-16T16:52:13.136Z',
      'reserved:host -> kube-system {k8s-app=kube-dns} TCP/10054 allowed x1 2021-06-16T16:52:13.611Z .. 2021-06-16T16:52:13.611Z',
    ]);
    expect(result.stats).toEqual({ records: 5, skipped: 0, ignored: 5, skippedSamples: [] });
  });

  it('counts the connection of DNS questions no L3/L4 record shows, once (L7-only sample)', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-5-dns-flows.json')]);
    // Three questions over one connection (TCP 59102 -> 53); the two answers are NXDOMAIN, with no address.
    expect(result.flows.map(describeFlow)).toEqual([
      'kube-system {k8s-app=node-local-dns} -> kube-system {k8s-app=kube-dns} TCP/53 allowed x1 2021-10-04T11:22:26.592Z .. 2021-10-04T11:22:26.597Z',
    ]);
    expect(result.l7?.dnsLookups.map((lookup) => lookup.query)).toEqual([
      'istiod-istio-1611.istio-system.svc.cluster.local',
      'istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local',
      'istiod-istio-1611.istio-system.svc.svc.cluster.local',
    ]);
    expect(result.l7?.dnsAnswers).toEqual([]);
    expect(result.stats).toEqual({ records: 1, skipped: 0, ignored: 2, l7: 2, skippedSamples: [] });
  });

  it('reduces the 400-packet TCP sample to its connections', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-400-tcp-flows.json')]);
    const otel = 'sidecar.opentelemetry.io/injected=bookinfo.otelcol-bookinfo';
    const bookinfo = (app: string, version: string) => `bookinfo {app=${app},${otel},version=${version}}`;
    const summary = result.flows.map((flow) => describeFlow(flow).replace(/ \d{4}-.*$/, ''));
    expect(summary).toEqual([
      // Remote pods come without `namespace`: their pod-namespace label names it.
      `${bookinfo('productpage', 'v1')} -> ${bookinfo('details', 'v1')} TCP/9080 allowed x12`,
      `${bookinfo('productpage', 'v1')} -> ${bookinfo('reviews', 'v1')} TCP/9080 allowed x4`,
      `${bookinfo('productpage', 'v1')} -> ${bookinfo('reviews', 'v2')} TCP/9080 allowed x7`,
      `${bookinfo('productpage', 'v1')} -> ${bookinfo('reviews', 'v3')} TCP/9080 allowed x6`,
      `${bookinfo('ratings', 'v1')} -> ${bookinfo('productpage', 'v1')} TCP/9080 allowed x20`,
      // Only an HTTP request shows this one: its L3/L4 records came before the sample began.
      `${bookinfo('reviews', 'v2')} -> ${bookinfo('ratings', 'v1')} TCP/9080 allowed x1`,
      `${bookinfo('reviews', 'v3')} -> ${bookinfo('ratings', 'v1')} TCP/9080 allowed x2`,
      expect.stringMatching(
        /^kube-system \{.*otelcol-hubble.*\} -> jaeger \{app=jaeger,.*\} TCP\/14250 allowed x2$/,
      ),
      expect.stringMatching(/^kube-system \{.*otelcol-hubble.*\} -> reserved:host TCP\/4244 allowed x1$/),
      expect.stringMatching(/^reserved:host -> jaeger \{app=jaeger,.*\} TCP\/14269 allowed x1$/),
      'reserved:remote-node -> reserved:health TCP/4240 allowed x1',
    ]);
    expect(result.stats.skipped).toBe(0);
    expect(result.stats.records + result.stats.ignored + (result.stats.l7 ?? 0)).toBe(400);
    expect(result.window).toEqual({
      firstSeen: '2021-11-10T10:40:56.465Z',
      // The last HTTP request of the sample, over a connection counted before.
      lastSeen: '2021-11-10T10:41:00.351Z',
    });
  });

  it('counts DNS queries through the proxy once each, their questions and answers as L7 records', async () => {
    const result = await readFlows([fixture('hubble/basic-sample-400-udp-flows.json')]);
    const summary = result.flows.map((flow) => describeFlow(flow).replace(/ \d{4}-.*$/, ''));
    expect(summary).toEqual([
      expect.stringMatching(
        /^bookinfo \{app=productpage,.*\} -> kube-system \{k8s-app=kube-dns\} UDP\/53 allowed x24$/,
      ),
      expect.stringMatching(
        /^bookinfo \{app=ratings,.*\} -> kube-system \{k8s-app=kube-dns\} UDP\/53 allowed x13$/,
      ),
      'reserved:remote-node -> kube-system {k8s-app=kube-dns} UDP/53 allowed x74',
    ]);
    expect(result.stats).toEqual({ records: 111, skipped: 0, ignored: 180, l7: 109, skippedSamples: [] });
  });

  it('counts a connection reported by two files (two nodes) once', async () => {
    const file = fixture('hubble/synthetic-verdicts.jsonl');
    const once = await readFlows([file]);
    const twice = await readFlows([file, file]);
    expect(twice.flows).toEqual(once.flows);
    // The second file's lines are all repeats; its DNS question (line 11) is an L7 record again, over the
    // connection it opened in the first file.
    expect(twice.stats.ignored).toBe(once.stats.ignored + 13);
    expect(twice.stats.l7).toBe(1);
  });

  it('ignores replies and L7 records however a line writes them, and only those', async () => {
    const request = hubbleLine({ IP: { source: '10.8.1.11', destination: '10.8.2.22' }, is_reply: false });
    const lines = [
      // Recognised on the bytes: a BOM before the first line and a CRLF after it change nothing.
      `\ufeff${request.replace('"is_reply":false', '"is_reply":true')}\r`,
      request.replace('"is_reply":false', '"reply":true'),
      request.replace('"Type":"L3_L4"', '"Type":"SOCK"'),
      // Recognised once parsed: the markers are written with a space.
      request.replace('"is_reply":false', '"is_reply": true'),
      request.replace('"Type":"L3_L4"', '"Type": "L7"'),
      // The request itself: the only record.
      request,
    ];
    const result = await readLog(lines);
    expect(result.stats).toEqual({ records: 1, skipped: 0, ignored: 5, skippedSamples: [] });
  });

  // With `Type`, repeated sightings are settled on their bytes (see HubbleReader.rawLine); without, once parsed.
  it.each([
    ['without Type', {}],
    ['with Type', { Type: 'L3_L4' }],
  ])(
    'counts a packet the other way of a counted connection as its reply, which does not extend its window (%s)',
    async (_, type) => {
      const packet = (time: string, from: [string, number], to: [string, number]) =>
        hubbleLine({
          time,
          IP: { source: from[0], destination: to[0] },
          l4: { TCP: { source_port: from[1], destination_port: to[1] } },
          Type: undefined,
          ...type,
          // Observation points such as TO_OVERLAY leave out is_reply.
          trace_observation_point: 'TO_OVERLAY',
        });
      const frontend: [string, number] = ['10.8.2.22', 41000];
      const redis: [string, number] = ['10.8.1.11', 6379];
      const lines = [
        packet('2026-11-20T09:00:00Z', frontend, redis),
        packet('2026-11-20T09:00:05Z', redis, frontend),
        packet('2026-11-20T09:00:02Z', frontend, redis),
        // Another connection from the same pod (another source port): counted.
        packet('2026-11-20T09:00:03Z', [frontend[0], 41001], redis),
      ];
      const result = await readLog(lines);
      expect(result.flows.map(describeFlow)).toEqual([
        'shop {app=frontend} -> data {app=redis} TCP/6379 allowed x2 2026-11-20T09:00:00.000Z .. 2026-11-20T09:00:03.000Z',
      ]);
      expect(result.stats).toEqual({ records: 2, skipped: 0, ignored: 2, skippedSamples: [] });
    },
  );

  it('counts a new connection between endpoints described before on its bytes, with the address where it identifies', async () => {
    const line = (sourcePort: number, world: string, verdict = 'FORWARDED') =>
      hubbleLine({
        time: `2026-11-20T09:00:0${sourcePort % 10}Z`,
        verdict,
        IP: { source: '10.8.2.22', destination: world },
        l4: { TCP: { source_port: sourcePort, destination_port: 443 } },
        source: {
          ID: sourcePort,
          identity: 1001,
          namespace: 'shop',
          labels: ['k8s:app=frontend'],
          pod_name: 'f-0',
        },
        destination: { identity: 2, labels: ['reserved:world'] },
      });
    const lines = [
      line(41001, '198.51.100.7'),
      // Read off its bytes: both descriptions were read at these addresses (the source's ID changed, which says
      // nothing about it); the world endpoint is known by its address, which it keeps.
      line(41002, '198.51.100.7'),
      line(41003, '198.51.100.8'),
      line(41004, '198.51.100.8', 'AUDIT'),
    ];
    const result = await readLog(lines);
    expect(result.flows.map(describeFlow)).toEqual([
      'shop {app=frontend} -> reserved:world 198.51.100.7 TCP/443 allowed x2 2026-11-20T09:00:01.000Z .. 2026-11-20T09:00:02.000Z',
      'shop {app=frontend} -> reserved:world 198.51.100.8 TCP/443 allowed x1 2026-11-20T09:00:03.000Z .. 2026-11-20T09:00:03.000Z',
      'shop {app=frontend} -> reserved:world 198.51.100.8 TCP/443 audit x1 2026-11-20T09:00:04.000Z .. 2026-11-20T09:00:04.000Z',
    ]);
    expect(result.stats).toEqual({ records: 4, skipped: 0, ignored: 0, skippedSamples: [] });
  });

  it('reads a description too long to remember by its bytes the slow way, each time', async () => {
    const note = 'x'.repeat(5000);
    const line = (sourcePort: number) =>
      hubbleLine({
        l4: { TCP: { source_port: sourcePort, destination_port: 6379 } },
        source: { namespace: 'shop', labels: ['k8s:app=frontend', `k8s:note=${note}`], pod_name: 'f-0' },
        destination: { namespace: 'data', labels: ['k8s:app=redis'], pod_name: 'redis-0' },
      });
    const result = await readLog([line(41001), line(41002), line(41003)]);
    expect(result.flows).toHaveLength(1);
    expect(result.flows[0]).toMatchObject({ count: 3, from: { labels: { app: 'frontend', note } } });
  });

  it('settles a repeated sighting of a counted connection on its bytes, without reading its endpoints', async () => {
    const sighting = (time: string, verdict: string) =>
      hubbleLine({
        time,
        verdict,
        l4: { TCP: { source_port: 41000, destination_port: 6379, flags: { ACK: true } } },
      });
    const lines = [
      sighting('2026-11-20T09:00:00Z', 'FORWARDED'),
      // Like a reply marker, a repeat is told apart by what it says about the connection (time, verdict, 5-tuple):
      // the rest of the line is not read, even when it is damaged.
      sighting('2026-11-20T09:00:04Z', 'FORWARDED').replace('"labels":["k8s:app=redis"]', '"labels":[,]'),
      // A verdict that does not count a connection is read in full, and reported.
      sighting('2026-11-20T09:00:09Z', 'MAYBE'),
    ];
    const result = await readLog(lines);
    expect(result.flows.map(describeFlow)).toEqual([
      'shop {app=frontend} -> data {app=redis} TCP/6379 allowed x1 2026-11-20T09:00:00.000Z .. 2026-11-20T09:00:04.000Z',
    ]);
    expect(result.stats).toEqual({
      records: 1,
      skipped: 1,
      ignored: 1,
      skippedSamples: [{ file: expect.any(String), line: 3, reason: 'unknown verdict "MAYBE"' }],
    });
  });

  it.each([
    ['without Type', {}],
    ['with Type', { Type: 'L3_L4' }],
  ])(
    'reads a pod described anew (relabelled, another workload) as its new description (%s)',
    async (_, type) => {
      const line = (sourcePort: number, labels: string[], workloads?: unknown) =>
        hubbleLine({
          IP: { source: '10.8.1.11', destination: '10.8.2.22' },
          l4: { TCP: { source_port: sourcePort, destination_port: 6379 } },
          source: { namespace: 'shop', labels, pod_name: 'frontend-0', workloads },
          destination: { namespace: 'data', labels: ['k8s:app=redis'], pod_name: 'redis-0' },
          Type: undefined,
          ...type,
        });
      const lines = [
        line(1, ['k8s:app=frontend']),
        line(2, ['k8s:app=frontend']),
        line(3, ['k8s:app=frontend', 'k8s:tier=web']),
        line(4, ['k8s:app=frontend'], [{ kind: 'StatefulSet', name: 'frontend' }]),
        line(5, ['k8s:app=frontend'], [{ name: 7 }]),
        line(6, ['k8s:app=frontend']),
      ];
      const result = await readLog(lines);
      expect(result.flows.map((flow) => describeFlow(flow).replace(/ \d{4}-.*$/, ''))).toEqual([
        'shop {app=frontend,tier=web} -> data {app=redis} TCP/6379 allowed x1',
        'shop StatefulSet/frontend {app=frontend} -> data {app=redis} TCP/6379 allowed x1',
        'shop {app=frontend} -> data {app=redis} TCP/6379 allowed x3',
      ]);
      expect(result.stats.skippedSamples).toEqual([
        { file: expect.any(String), line: 5, reason: 'source.workloads[0] is not {name, kind}' },
      ]);
    },
  );
});

describe('Hubble policy attribution (flow.proto *_allowed_by, *_denied_by)', () => {
  it('keeps the policies each direction names, across the events of one connection', async () => {
    const result = await readFlows([fixture('hubble/synthetic-attribution.jsonl')], { root: fixture('') });
    const attributed = result.flows.map((flow) => [
      describeFlow(flow).replace(/ \d{4}-.*$/, ''),
      flow.attribution,
    ]);
    expect(attributed).toEqual([
      [
        'shop Deployment/api {app=api} -> data StatefulSet/postgres {app=postgres} TCP/5432 allowed x1',
        [
          {
            direction: 'ingress',
            action: 'allow',
            // The entry without a name is left out; names are kept as written (reports escape them).
            policies: [
              { kind: 'CiliumNetworkPolicy', namespace: 'data', name: 'postgres-ingress' },
              { kind: 'NetworkPolicy', namespace: 'data', name: 'legacy|<b>db</b>' },
            ],
            match: 'L4-Only',
          },
        ],
      ],
      [
        'shop Deployment/frontend {app=frontend} -> data StatefulSet/postgres {app=postgres} TCP/5432 denied (POLICY_DENY) x1',
        [
          {
            direction: 'ingress',
            action: 'deny',
            policies: [{ kind: 'CiliumClusterwideNetworkPolicy', name: 'deny-frontend-db' }],
          },
        ],
      ],
      [
        // lines 1 and 2: the egress verdict at the source, then the ingress verdict at the destination; line 3 traces
        'shop Deployment/frontend {app=frontend} -> shop Deployment/api {app=api} TCP/8080 allowed x1',
        [
          {
            direction: 'egress',
            action: 'allow',
            policies: [{ kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'frontend-egress' }],
            match: 'L3-L4',
          },
          {
            direction: 'ingress',
            action: 'allow',
            policies: [{ kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'api-ingress' }],
            match: 'L3-L4',
          },
        ],
      ],
    ]);
    expect(result.stats).toMatchObject({
      records: 3,
      ignored: 2,
      skippedSamples: [
        { file: 'hubble/synthetic-attribution.jsonl', line: 6, reason: 'ingress_allowed_by is not a list' },
      ],
    });
  });

  it('keeps a few distinct attributions per aggregated flow and a few policies per list', async () => {
    const policies = Array.from({ length: 12 }, (_, i) => ({ name: `p${i}`, namespace: 'data' }));
    const lines = Array.from({ length: 9 }, (_, i) =>
      hubbleLine({
        l4: { TCP: { source_port: 41000 + i, destination_port: 6379 } },
        ingress_allowed_by: [{ name: `only-${i}`, namespace: 'data', kind: 'CiliumNetworkPolicy' }],
      }),
    );
    lines.push(
      hubbleLine({
        l4: { TCP: { source_port: 42000, destination_port: 6380 } },
        ingress_allowed_by: policies,
      }),
    );
    const { flows } = await readLog(lines);
    expect(flows.map((flow) => flow.attribution?.map((a) => a.policies.map((p) => p.name)))).toEqual([
      [['only-0'], ['only-1'], ['only-2'], ['only-3']],
      [['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
    ]);
  });
});

describe('a connection forwarded at one observation point and dropped or audited at a later one', () => {
  const at = (port: number, changes: Record<string, unknown>) =>
    hubbleLine({ l4: { TCP: { source_port: 41000, destination_port: port } }, ...changes });
  const egress = {
    egress_allowed_by: [{ name: 'frontend-egress', namespace: 'shop', kind: 'CiliumNetworkPolicy' }],
  };

  it('counts it under the later verdict: it did not pass (Hubble Relay prints the source first)', async () => {
    const result = await readLog([
      // The source's egress policy verdict, then the destination's ingress drop of the same packet.
      at(6379, { ...egress, event_type: { type: 5 }, traffic_direction: 'EGRESS' }),
      at(6379, {
        verdict: 'DROPPED',
        drop_reason_desc: 'POLICY_DENIED',
        event_type: { type: 1, sub_type: 133 },
        traffic_direction: 'INGRESS',
      }),
      // In policy audit mode: forwarded at the source, audited at the destination.
      at(6380, {}),
      at(6380, { verdict: 'AUDIT', event_type: { type: 5 }, traffic_direction: 'INGRESS' }),
      // A drop for another reason after a forward says nothing about policy: still allowed.
      at(6381, {}),
      at(6381, { verdict: 'DROPPED', drop_reason_desc: 'CT_MAP_INSERTION_FAILED' }),
    ]);
    expect(
      result.flows.map((flow) => [
        describeFlow(flow).replace(/ \d{4}-.*$/, ''),
        flow.attribution?.map((a) => `${a.direction} ${a.action} ${a.policies[0]?.name}`),
      ]),
    ).toEqual([
      // What the source's verdict named stays with the connection.
      [
        'shop {app=frontend} -> data {app=redis} TCP/6379 denied (POLICY_DENIED) x1',
        ['egress allow frontend-egress'],
      ],
      ['shop {app=frontend} -> data {app=redis} TCP/6380 audit x1', undefined],
      ['shop {app=frontend} -> data {app=redis} TCP/6381 allowed x1', undefined],
    ]);
    expect(result.stats).toMatchObject({ records: 3, ignored: 3, skipped: 0 });
  });
});
