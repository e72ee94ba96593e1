import { describe, expect, it } from 'vitest';
import { readFlows } from '../../src/flows/read.js';
import { describeFlow, fixture } from './helpers.js';

const window = '2026-11-20T08:00:00.000Z .. 2026-11-20T08:05:00.000Z';
const frontend = 'shop {app=frontend,pod-template-hash=7d9f8c6b5}';

describe('Calico reader', () => {
  it('reads the upstream sample and reports its truncated last line', async () => {
    const result = await readFlows([fixture('calico/flows.log')], { root: fixture('') });
    const dns = 'kube-system {k8s-app=kube-dns,pod-template-hash=576cbf47c7}';
    const sampleWindow = '2019-12-31T23:24:17.000Z .. 2019-12-31T23:29:25.000Z';
    expect(result.flows.map(describeFlow)).toEqual([
      `tigera-compliance {controller-revision-hash=767bb965,k8s-app=compliance-benchmarker,pod-template-generation=1} -> ${dns} UDP/53 allowed x31 ${sampleWindow}`,
      `tigera-compliance {k8s-app=compliance-snapshotter,pod-template-hash=77f4c7776d} -> ${dns} UDP/53 allowed x15 ${sampleWindow}`,
      `tigera-intrusion-detection {k8s-app=intrusion-detection-controller,pod-template-hash=5bdcdd9c97} -> ${dns} UDP/53 allowed x41 ${sampleWindow}`,
    ]);
    expect(result.stats).toEqual({
      records: 3,
      skipped: 1,
      ignored: 0,
      skippedSamples: [
        { file: 'calico/flows.log', line: 4, reason: 'truncated last line (not complete JSON)' },
      ],
    });
    expect(result.window).toEqual({
      firstSeen: '2019-12-31T23:24:17.000Z',
      lastSeen: '2019-12-31T23:29:25.000Z',
    });
  });

  it('counts a connection once when both ends report it, keeping the denial of either end', async () => {
    const result = await readFlows([fixture('calico/synthetic-reporters.log')], { root: fixture('') });
    expect(result.flows.map(describeFlow)).toEqual([
      // lines 3-4: the source allowed it out, the destination denied it at ingress
      `${frontend} -> data {app=postgres,statefulset.kubernetes.io/pod-name=postgres-0} TCP/5432 denied x5 ${window}`,
      // line 5: denied at egress, so only the source saw it
      `${frontend} -> data {app=redis} TCP/6379 denied x3 2026-11-20T08:05:00.000Z .. 2026-11-20T08:10:00.000Z`,
      // lines 1-2: 10 flows reported by both ends are 10 flows
      `${frontend} -> shop {app=api,pod-template-hash=6c9d7f} TCP/8080 allowed x10 ${window}`,
      `${frontend} -> reserved:world 203.0.113.9 TCP/443 allowed x2 ${window}`,
      `reserved:host -> shop {app=api,pod-template-hash=6c9d7f} UDP/8125 allowed x4 ${window}`,
    ]);
    const file = 'calico/synthetic-reporters.log';
    expect(result.stats).toEqual({
      records: 5,
      skipped: 3,
      // the source's reports of lines 1 and 3, and the ICMP record
      ignored: 3,
      skippedSamples: [
        { file, line: 9, reason: 'unknown action "maybe"' },
        { file, line: 10, reason: 'dest_port "http" is not a port' },
        { file, line: 11, reason: 'source_type "pod" is not wep, hep, ns or net' },
      ],
    });
  });

  it('pairs the two reports of a connection across files (one per node)', async () => {
    const together = await readFlows([fixture('calico/synthetic-reporters.log')]);
    const twice = await readFlows([
      fixture('calico/synthetic-reporters.log'),
      fixture('calico/synthetic-reporters.log'),
    ]);
    expect(twice.flows.map((flow) => [describeFlow(flow).split(' x')[0], flow.count])).toEqual(
      together.flows.map((flow) => [describeFlow(flow).split(' x')[0], flow.count * 2]),
    );
  });
});
