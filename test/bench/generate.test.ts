import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchTree, type BenchSize, type GeneratedTree } from '../../scripts/bench/generate.js';
import { runCheck } from '../../src/check/run.js';
import type { CheckResult } from '../../src/check/types.js';
import { readFlows } from '../../src/flows/read.js';
import { loadManifests } from '../../src/manifests/load.js';

/**
 * The benchmark's generator (scripts/bench/generate.ts) on a tiny size: the tree and the flow log must be valid
 * input that exercises the check the way a real PR would (policies tightened and opened, DNS forgotten, live flows
 * broken), and the same seed must give the same bytes. No timing is asserted.
 */
const TINY: BenchSize = { name: 'tiny', workloads: 60, flowLines: 2_000 };

describe('benchmark generator', () => {
  let dir: string;
  let tree: GeneratedTree;
  let result: CheckResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-guard-bench-'));
    tree = await generateBenchTree(TINY, join(dir, 'a'));
    const side = (root: string) => ({ root, paths: [root] });
    result = await runCheck({ base: side(tree.base), head: side(tree.head), flows: [tree.flows] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes manifests that load without diagnostics', async () => {
    for (const root of [tree.base, tree.head]) {
      const loaded = await loadManifests([root], { root });
      expect(loaded.diagnostics).toEqual([]);
      const kinds = new Set(loaded.objects.map((object) => object.kind));
      expect([...kinds].sort()).toEqual([
        'CiliumClusterwideNetworkPolicy',
        'CiliumNetworkPolicy',
        'ClusterNetworkPolicy',
        'Deployment',
        'Namespace',
        'NetworkPolicy',
        'Service',
        'StatefulSet',
      ]);
    }
    expect(tree.workloads).toBe(TINY.workloads + 2);
    expect(tree.headPolicies).toBe(tree.basePolicies - 1);
  });

  it('writes a Hubble export that reads without skipped lines, replies and repeats ignored', async () => {
    const read = await readFlows([tree.flows]);
    expect(tree.flowLines).toBeGreaterThanOrEqual(TINY.flowLines);
    expect(read.stats.skipped).toBe(0);
    // Each allowed connection is four lines (request at two observation points, two replies): one record.
    expect(read.stats.records).toBeGreaterThan(tree.flowLines / 5);
    expect(read.stats.records).toBeLessThan(tree.flowLines / 2);
    expect(read.flows.some((flow) => flow.verdict === 'denied')).toBe(true);
  });

  it('writes only policies the check evaluates under its config (cni: cilium)', () => {
    expect(result.diagnostics.filter((d) => d.code === 'not-evaluated' || d.severity === 'error')).toEqual(
      [],
    );
  });

  it('makes a change the check sees: paths opened and closed, flows broken, DNS forgotten', () => {
    expect(tree.changes.tightened.length).toBeGreaterThan(0);
    expect(tree.changes.opened.length).toBeGreaterThan(0);
    expect(result.diff.opened.length).toBeGreaterThan(0);
    expect(result.diff.closed.length).toBeGreaterThan(0);
    expect(result.flows?.broken.length).toBeGreaterThan(0);
    expect(result.flows?.unmatched).toEqual([]);
    const dns = result.findings.filter((f) => f.rule === 'dns-egress-missing' && f.introduced);
    expect(dns.map((f) => f.resource.namespace)).toContain(tree.changes.dnsDropped);
    expect(result.verdict).toBe('fail');
    // The cluster policies are what a platform team writes well: distinct priorities, DNS passed, no dead rules.
    expect(result.findings.filter((f) => /^(admin-|cluster-policy-)/.test(f.rule))).toEqual([]);
  });

  it('gives the same bytes for the same seed', async () => {
    const again = await generateBenchTree(TINY, join(dir, 'b'));
    expect(readFileSync(again.flows).equals(readFileSync(tree.flows))).toBe(true);
    const policy = (root: string) =>
      readFileSync(join(root, 'clusters', 'prod', `${tree.changes.tightened[0]!}.yaml`), 'utf8');
    expect(policy(again.head)).toBe(policy(tree.head));
    expect(policy(again.base)).not.toBe(policy(again.head));
  });
});
