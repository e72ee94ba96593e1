import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sarifReport } from '../../src/check/sarif.js';
import type { CheckResult } from '../../src/check/types.js';
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
      '0.0.0.0/0 -> shop/db TCP/5432 (internet) @ policies.yaml:31',
      'shop/web -> 169.254.169.254/32 TCP/80 (metadata-endpoint) @ policies.yaml:46',
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
      'monitoring/prometheus -> shop/db TCP/9187 (cross-namespace, any-namespace) @ policies.yaml:26',
      'shop/web -> shop/db TCP/5432 @ policies.yaml:21',
      'shop/web -> shop/db TCP/9187 (any-namespace) @ policies.yaml:26',
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
      'shop/web -> shop/db TCP/5432 @ policies.yaml:63',
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
