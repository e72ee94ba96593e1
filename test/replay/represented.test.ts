import { describe, expect, it } from 'vitest';
import { checkScenario } from '../support/cli.js';

/**
 * A broken flow to a pod the tree does not show (kube-system's DNS, evaluated from the flow's own namespace and
 * labels) is on the path the diff closed to the representative of those pods: fixtures/demo, where head isolates
 * payments/ledger-worker's egress and its recorded DNS lookups to kube-system/coredns break. The decision block must
 * not count that closed path among those "that carried no recorded traffic".
 */
describe('representedBy: broken flows to pods outside the tree', () => {
  it('names the representative the DNS pod is among, and only for ends outside the tree', async () => {
    const { stdout } = await checkScenario('fixtures/demo', 'json', 'fixtures/demo/flows/hubble.jsonl');
    const broken = JSON.parse(stdout).flows.broken as {
      to: { name: string };
      representedBy?: { to?: { namespace: string; name: string }[] };
    }[];
    const byDestination = Object.fromEntries(broken.map((flow) => [flow.to.name, flow.representedBy]));
    expect(byDestination).toEqual({
      coredns: { to: [expect.objectContaining({ namespace: 'kube-system', name: 'k8s-app=kube-dns' })] },
      'payments-api': undefined,
    });
    const closedTo = JSON.parse(stdout).diff.closed.map(
      (change: { to: { name?: string } }) => change.to.name,
    );
    expect(closedTo).toContain('k8s-app=kube-dns');
  });
});
