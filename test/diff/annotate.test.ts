import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sarifReport } from '../../src/check/sarif.js';
import type { CheckResult } from '../../src/check/types.js';
import type { RiskGate } from '../../src/config/types.js';
import type { PathChange } from '../../src/diff/types.js';
import { peerLabel } from '../../src/diff/peers.js';
import { describeRisks, formatPorts } from '../../src/report/format.js';

/** Each folder of fixtures/diff is a pull request reduced to a shape issue 17 describes (see its README). */
async function check(name: string): Promise<CheckResult> {
  const side = (dir: string) => ({ root: dir, paths: [dir] });
  const dir = resolve('fixtures/diff', name);
  return runCheck({ base: side(join(dir, 'base')), head: side(join(dir, 'head')) });
}

/** A change as a reviewer reads it: path, ports, risks and where it is located. */
function line(change: PathChange): string {
  const risk = change.risk ? ` (${change.risk.join(', ')})` : '';
  const at = change.location ? ` @ ${change.location.file}:${change.location.line}` : '';
  return `${peerLabel(change.from)} -> ${peerLabel(change.to)} ${formatPorts(change.protocol, change.ports)}${risk}${at}`;
}

describe('risk of an opened path', () => {
  it('is the metadata endpoint only for an egress destination, the internet where it is the peer', async () => {
    const { diff } = await check('risk-direction');
    expect(diff.opened.map(line)).toEqual([
      '0.0.0.0/0 -> shop/db TCP/5432 (internet) @ policies.yaml:32',
      'shop/web -> 169.254.169.254/32 TCP/80 (metadata-endpoint) @ policies.yaml:47',
    ]);
  });

  it('names the internet in the direction it is on', async () => {
    const { diff } = await check('risk-direction');
    expect(diff.opened.map((change) => describeRisks(change.risk, change))).toEqual([
      'reachable from the internet',
      'reaches the cloud metadata endpoint',
    ]);
  });

  it('is judged on every port of a path, each located at the rule that opens it', async () => {
    const { diff } = await check('risk-all-ports');
    expect(diff.opened.map(line)).toEqual([
      'monitoring/prometheus -> shop/db TCP/9187 (cross-namespace, any-namespace) @ policies.yaml:27',
      'shop/web -> shop/db TCP/5432 @ policies.yaml:22',
      'shop/web -> shop/db TCP/9187 (any-namespace) @ policies.yaml:27',
    ]);
  });
});

describe('where a change is located', () => {
  it('is what changed: the moved pod, the added rule, the edited policy; never an unchanged rule', async () => {
    const result = await check('blame-change');
    const { opened, closed } = result.diff;
    // api's new labels take it out of api-ingress: everyone reaches it, located at the relabelled Deployment.
    expect(
      new Set(opened.filter((c) => peerLabel(c.to) === 'shop/api').map((c) => line(c).split(' @ ')[1])),
    ).toEqual(new Set(['workloads.yaml:41']));
    // web -> db was always allowed by db-ingress; the egress rule head adds opened it.
    expect(opened.filter((c) => peerLabel(c.to) === 'shop/db').map(line)).toEqual([
      'shop/web -> shop/db TCP/5432 @ policies.yaml:64',
    ]);
    // The rule removed from db-ingress closed the metrics port, not the default deny written first.
    expect(closed.map(line)).toEqual(['monitoring/prometheus -> shop/db TCP/9187 @ policies.yaml:20']);
    expect(result.reasons).toEqual([
      'opens 0.0.0.0/0 -> shop/api all ports (internet-ingress) at workloads.yaml:41',
      'opens ::/0 -> shop/api all ports (internet-ingress) at workloads.yaml:41',
    ]);
  });

  it('gives every SARIF result a location', async () => {
    const sarif = JSON.parse(sarifReport(await check('blame-change'))) as {
      runs: { results: { ruleId: string; locations?: unknown[] }[] }[];
    };
    const results = sarif.runs[0]!.results;
    expect(results.filter((r) => r.ruleId === 'opened-path').length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.locations?.length)).toEqual([]);
  });
});

describe('peers outside the repository (issue 17 item 6)', () => {
  it('shows a path to pods another repository deploys being cut', async () => {
    const { diff } = await check('peers-outside');
    expect(diff.closed.map(line)).toEqual([
      'payments/api -> any pod app=postgres in namespace payments-db (not in this repository) TCP/5432 @ payments.yaml:32',
    ]);
    expect(diff.workloadsAdded).toEqual([]);
    expect(diff.workloadsRemoved).toEqual([]);
  });

  it("closes the path to a Cilium selector's peer outside the tree, not a connection gone with it", async () => {
    const { diff } = await check('peers-outside-cilium');
    expect(diff.closed.map(line)).toEqual([
      'payments/api -> any pod app in (postgres) in namespace payments-db (not in this repository) TCP/5432',
    ]);
    expect(diff.goneConnections).toEqual([]);
    expect(diff.newConnections).toEqual([]);
  });

  it('shows a namespace without workloads opened to every namespace', async () => {
    const { diff } = await check('peers-outside');
    const tenant = 'any pod in namespace tenant-a (its pods are not in this repository)';
    const sources = new Set(
      diff.opened.filter((c) => peerLabel(c.to) === tenant).map((c) => peerLabel(c.from)),
    );
    // Every peer the policies name can now reach the tenant, and the ingress controllers already could.
    expect(sources).toEqual(
      new Set([
        'any pod in any namespace (not in this repository)',
        'any pod k8s-app=kube-dns in namespace kube-system (not in this repository)',
        'any pod app=postgres in namespace payments-db (not in this repository)',
      ]),
    );
    expect(diff.opened.every((c) => peerLabel(c.to) === tenant)).toBe(true);
  });
});

describe('toFQDNs names as peers (issue 18)', () => {
  it('closes the paths to the names a change drops or narrows, opens those it adds', async () => {
    const { diff } = await check('fqdn-names');
    expect(diff.closed.map(line)).toEqual([
      'shop/web -> dns:*.stripe.com (the addresses DNS answers for names matching it) TCP/443 @ policies.yaml:25',
      'shop/web -> dns:api.github.com (the addresses DNS answers for it) TCP/443 @ policies.yaml:25',
    ]);
    expect(diff.closed.map((change) => change.decidedBy?.base?.peer?.location.line)).toEqual([26, 25]);
    expect(diff.closed[1]!.explanation).toContain(
      'shop/web-egress egress[1] at policies.yaml:30 allows 140.82.112.0/20, which may or may not hold the ' +
        'addresses DNS answers',
    );
    const opened = diff.opened.map(line);
    expect(opened).toContain(
      'shop/web -> dns:objects.githubusercontent.com (the addresses DNS answers for it) TCP/443 (internet) @ policies.yaml:25',
    );
    expect(opened).toContain('shop/web -> 140.82.112.0/20 TCP/443 (internet) @ policies.yaml:30');
    // The world holds every name's addresses: the worker's name stays reached, the others open with the world.
    expect(opened.filter((change) => change.includes('pypi.org'))).toEqual([]);
    expect(opened.filter((change) => change.startsWith('shop/worker -> dns:'))).toEqual([
      'shop/worker -> dns:*.stripe.com (the addresses DNS answers for names matching it) TCP/443 (internet) @ policies.yaml:41',
      'shop/worker -> dns:api.github.com (the addresses DNS answers for it) TCP/443 (internet) @ policies.yaml:41',
      'shop/worker -> dns:api.stripe.com (the addresses DNS answers for it) TCP/443 (internet) @ policies.yaml:41',
      'shop/worker -> dns:objects.githubusercontent.com (the addresses DNS answers for it) TCP/443 (internet) @ policies.yaml:41',
    ]);
    expect(diff.workloadsAdded).toEqual([]);
    expect(diff.workloadsRemoved).toEqual([]);
  });
});

describe('Cilium entity peers (issue 18)', () => {
  it('cross no namespace: a node or the API server as the destination is the risk of its own', async () => {
    const { diff } = await check('entity-peers');
    expect(diff.opened.map(line)).toEqual([
      'entity:remote-node (the other nodes) -> ops/operator TCP/8081 @ policies.yaml:12',
      "ops/agent -> entity:health (Cilium's health endpoints) TCP/4240 @ policies.yaml:33",
      'ops/agent -> entity:host (the local node) TCP/10250 (node-entity) @ policies.yaml:31',
      'ops/agent -> entity:kube-apiserver (the Kubernetes API server) TCP/443 (node-entity) @ policies.yaml:29',
      "ops/operator -> entity:health (Cilium's health endpoints) TCP/10250 @ policies.yaml:17",
      'ops/operator -> entity:host (the local node) TCP/10250 (node-entity) @ policies.yaml:17',
      'ops/operator -> entity:kube-apiserver (the Kubernetes API server) TCP/10250 (node-entity) @ policies.yaml:17',
      'ops/operator -> entity:remote-node (the other nodes) TCP/10250 (node-entity) @ policies.yaml:17',
      // `cluster` holds the pods too: the agent, which no policy isolates on ingress, is open to any namespace.
      'ops/operator -> ops/agent TCP/10250 (any-namespace) @ policies.yaml:17',
    ]);
    expect(describeRisks(diff.opened[3]!.risk, diff.opened[3])).toBe(
      'reaches a node or the Kubernetes API server',
    );
  });
});

/**
 * fixtures/partial/named-port-representative (issue 17 item 6): payments/api's egress rule to `app=postgres` in
 * payments-db, a namespace another repository deploys, names its port (`port: sql`), which only the pod resolves.
 * The PR deletes the rule; reversed, it adds it.
 */
describe('named ports towards pods outside the tree', () => {
  const TREE = resolve('fixtures/partial/named-port-representative');
  const named = (base: string, head: string, failOnRisks?: RiskGate[]) =>
    runCheck({
      base: { root: join(TREE, base), paths: [join(TREE, base)] },
      head: { root: join(TREE, head), paths: [join(TREE, head)] },
      ...(failOnRisks ? { failOnRisks } : {}),
    });

  it('closed, are explained and located like a numbered port, and decided by the rule that named them', async () => {
    const { diff } = await named('base', 'head');
    expect(diff.closed).toHaveLength(1);
    const [closed] = diff.closed;
    expect(closed).toMatchObject({ ports: [], namedPorts: ['sql'] });
    expect(closed?.explanation).toBe(
      'egress of payments/api is isolated by payments/api-egress (payments.yaml:14) and no rule allows the port to ' +
        'any pod app=postgres in namespace payments-db (not in this repository)',
    );
    expect(closed?.location).toMatchObject({ file: 'payments.yaml' });
    expect(closed?.decidedBy?.base).toMatchObject({
      direction: 'egress',
      action: 'allow',
      index: 0,
      location: { file: 'payments.yaml', line: 21 },
    });
  });

  it('opened, carry their risks and location, and fail the gate on them', async () => {
    const result = await named('head', 'base', ['cross-namespace']);
    const [opened] = result.diff.opened;
    expect(opened).toMatchObject({
      ports: [],
      namedPorts: ['sql'],
      risk: ['cross-namespace', 'any-namespace'],
      failsOn: ['cross-namespace'],
      location: { file: 'payments.yaml', line: 22 },
    });
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toEqual([
      'opens payments/api -> any pod app=postgres in namespace payments-db (not in this repository) TCP/named ' +
        'port sql (cross-namespace) at payments.yaml:22',
    ]);
    expect(describeRisks(opened?.risk, opened)).toBe('crosses namespaces; reachable from any namespace');
  });
});
