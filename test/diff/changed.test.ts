import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedScope, closingScope } from '../../src/diff/changed.js';
import { diffConnectivity } from '../../src/diff/connectivity.js';
import type { ClusterModel, Workload } from '../../src/model/types.js';
import type { PolicyEngine } from '../../src/policy/types.js';
import { createEngine, createEngineLike } from '../../src/policy/engine.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import {
  ciliumCluster,
  ciliumManifests,
  cluster,
  manifests,
  modelOf,
  NAMESPACES,
  shuffledCluster,
  tieredCluster,
  tieredManifests,
  type Cluster,
  type TieredCluster,
} from '../policy/clusters.js';

/**
 * The diff computes only the connections `changedScope` says may differ. Whatever a change does (policies of any
 * tier edited, added, removed, renamed; pods relabelled, added, removed; namespaces relabelled), the result must be
 * the one a comparison of every connection gives.
 */

/** Head as base with some of its parts taken from another cluster: most of it stays, as in a pull request. */
const change = fc
  .tuple(cluster, cluster, fc.array(fc.nat(4), { minLength: 16, maxLength: 16 }))
  .map(([base, other, dice]): [Cluster, Cluster] => {
    const take = (index: number) => dice[index % dice.length] === 0;
    const mixed = <T>(mine: readonly T[], theirs: readonly T[], offset: number) => [
      ...mine.flatMap((item, i) =>
        take(offset + i) ? (theirs[i] === undefined ? [] : [theirs[i]]) : [item],
      ),
      ...(take(offset + 7) ? theirs.slice(mine.length) : []),
    ];
    const head: Cluster = {
      namespaceEnv: base.namespaceEnv.map((env, i) =>
        (dice[13 + i] ?? 0) < 2 ? (other.namespaceEnv[i] ?? env) : env,
      ) as Cluster['namespaceEnv'],
      // Some pods keep their name, namespace and labels but change ports or stated IPs.
      pods: mixed(base.pods, other.pods, 0).map((pod, i) =>
        dice[i] === 1
          ? { ...pod, httpPort: other.pods[0]?.httpPort ?? pod.httpPort, ip: other.pods[0]?.ip }
          : pod,
      ),
      // Some policies keep their selectors and peers but change the ports of their rules.
      policies: mixed(base.policies, other.policies, 8).map((policy, i) =>
        dice[8 + i] === 1
          ? {
              ...policy,
              ingress: policy.ingress.map((rule) => ({ ...rule, ports: [{ protocol: 'UDP', port: 53 }] })),
            }
          : policy,
      ),
    };
    return [base, head];
  });

/** The same change, with admin and baseline policies kept, dropped, or taken from another cluster. */
const tieredChange = fc
  .tuple(change, tieredCluster, tieredCluster, fc.nat(3))
  .map(([[base, head], tiers, other, dice]): [TieredCluster, TieredCluster] => [
    { ...tiers, base },
    {
      base: head,
      admin: dice === 0 ? other.admin : dice === 1 ? tiers.admin.slice(1) : tiers.admin,
      baseline: dice === 2 ? other.baseline : tiers.baseline,
    },
  ]);

function expectScopedDiffComplete(
  baseManifests: Record<string, unknown>[],
  headManifests: typeof baseManifests,
) {
  const before = createEngine(modelOf(baseManifests));
  const after = createEngine(modelOf(headManifests));
  const everyWorkload = new Set([...before.model.workloads, ...after.model.workloads].map((w) => w.id));
  expect(diffConnectivity(before, after)).toEqual(
    diffConnectivity(before, after, { sources: everyWorkload, destinations: everyWorkload }),
  );
}

describe('the diff of what changed', () => {
  it('equals the diff of every connection', () => {
    fc.assert(
      fc.property(change, ([base, head]) => expectScopedDiffComplete(manifests(base), manifests(head))),
      { numRuns: 500 },
    );
  });

  it('equals the diff of every connection when admin and baseline policies change', () => {
    fc.assert(
      fc.property(tieredChange, ([base, head]) =>
        expectScopedDiffComplete(tieredManifests(base), tieredManifests(head)),
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out everything when only names and file order change', () => {
    fc.assert(
      fc.property(shuffledCluster, ([c, shuffled]) => {
        const renamed = shuffled.map((manifest) =>
          manifest['kind'] === 'NetworkPolicy'
            ? {
                ...manifest,
                metadata: {
                  ...(manifest['metadata'] as object),
                  name: `renamed-${String((manifest['metadata'] as { name: string }).name)}`,
                },
              }
            : manifest,
        );
        const scope = changedScope(createEngine(modelOf(manifests(c))), createEngine(modelOf(renamed)));
        expect([...scope.sources, ...scope.destinations]).toEqual([]);
      }),
    );
  });
});

/**
 * A fix's verification (`closedByPatches` in src/fix/suggest.ts) compares engines over the same workloads whose
 * policies differ in a few namespaces only: the second engine is made like the first (`createEngineLike`, sharing
 * the other namespaces' groups) and only those namespaces' workloads are compared. Both must give what a new engine
 * and a comparison of every workload give, for every kind of policy (NetworkPolicy, CiliumNetworkPolicy,
 * CiliumClusterwideNetworkPolicy, AdminNetworkPolicy) under cni: cilium and the upstream semantics.
 */
/**
 * A cluster's model, another's under the same CNI, which namespaces take the other's policies, and which workloads
 * head reads again as other objects (a changed file's), the same in every field.
 */
const someNamespacesChanged = fc
  .tuple(
    ciliumCluster,
    ciliumCluster,
    fc.subarray(NAMESPACES),
    fc.constantFrom('cilium' as const, 'generic' as const),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  )
  .map(([c, other, changed, cni, copied]) => ({
    base: modelOf(ciliumManifests(c), { cni }),
    theirs: modelOf(ciliumManifests(other), { cni }),
    inChanged: (namespace: string | undefined) => namespace !== undefined && changed.includes(namespace),
    readAgain: (workloads: readonly Workload[]) =>
      workloads.map((workload, i) => (copied[i % copied.length] ? { ...workload } : workload)),
  }));

describe('the diff of policies changed in some namespaces', () => {
  it('is the same with an engine made like the other and only those namespaces compared', () => {
    fc.assert(
      fc.property(someNamespacesChanged, ({ base, theirs, inChanged, readAgain }) => {
        const head: ClusterModel = {
          ...base,
          // The check's head side reads a changed file's pods again: its engine, made like base's, takes them too.
          workloads: readAgain(base.workloads),
          policies: [
            ...base.policies.filter((policy) => !inChanged(policy.namespace)),
            ...theirs.policies.filter((policy) => inChanged(policy.namespace)),
          ],
          tieredPolicies: [
            ...(base.tieredPolicies ?? []).filter((policy) => !inChanged(policy.ref.namespace)),
            ...(theirs.tieredPolicies ?? []).filter((policy) => inChanged(policy.ref.namespace)),
          ],
        };
        const before = createEngine(base);
        const fresh = createEngine(head);
        const like = createEngineLike(before, head);
        expect(like.connectivity()).toEqual(fresh.connectivity());
        expectSameMeanings(like, fresh, head.workloads);
        const candidates = head.workloads.filter((workload) => inChanged(workload.namespace));
        const scope = changedScope(before, like, candidates);
        expect(scope).toEqual(changedScope(before, fresh));
        expect(diffConnectivity(before, like, scope)).toEqual(diffConnectivity(before, fresh));
        expectSameClosures(before, like, candidates, fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('closes what it closes when only the ends that allow less are paired', () => {
    // Policies added beside the ones there: mostly wider ingress (what a fix does), sometimes newly isolated pods.
    let covered = 0;
    fc.assert(
      fc.property(someNamespacesChanged, ({ base, theirs, inChanged }) => {
        const head: ClusterModel = {
          ...base,
          policies: [
            ...base.policies,
            ...theirs.policies
              .filter((policy) => inChanged(policy.namespace))
              .map((policy) => ({ ...policy, name: `${policy.name}-added` })),
          ],
        };
        const before = createEngine(base);
        const like = createEngineLike(before, head);
        const candidates = head.workloads.filter((workload) => inChanged(workload.namespace));
        covered += candidates.filter(
          (workload) =>
            like.allowsAtLeast(before, workload, 'ingress') && like.allowsAtLeast(before, workload, 'egress'),
        ).length;
        expectSameClosures(before, like, candidates, createEngine(head));
      }),
      { numRuns: 300 },
    );
    expect(covered).toBeGreaterThan(0);
  });
});

/**
 * The check makes head's engine like base's (`modelSide`): where a pull request changes only policies, and the pods
 * of the files it changed are read again alike, head takes base's groups. Whatever the change, it must give what a
 * new engine gives, and the diff against base the same.
 */
describe('an engine for head made like base’s', () => {
  it('is the same as a new engine over head, and so is the diff', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          change.map(([b, h]) => ({ base: manifests(b), head: manifests(h) })),
          tieredChange.map(([b, h]) => ({ base: tieredManifests(b), head: tieredManifests(h) })),
        ),
        (sides) => {
          const before = createEngine(modelOf(sides.base));
          const head = modelOf(sides.head);
          const fresh = createEngine(head);
          const like = createEngineLike(before, head);
          expect(like.connectivity()).toEqual(fresh.connectivity());
          expectSameMeanings(like, fresh, head.workloads);
          expect(diffConnectivity(before, like)).toEqual(diffConnectivity(before, fresh));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** What the closing scope's diff closes is what a comparison of every connection closes. */
function expectSameClosures(
  before: PolicyEngine,
  like: PolicyEngine,
  candidates: readonly Workload[],
  fresh: PolicyEngine,
): void {
  const closures = ({ closed, goneConnections }: ReturnType<typeof diffConnectivity>) => ({
    closed,
    goneConnections,
  });
  expect(closures(diffConnectivity(before, like, closingScope(before, like, candidates)))).toEqual(
    closures(diffConnectivity(before, fresh)),
  );
}

/**
 * The check's diff models add, after a side's workloads, the representatives of pods the tree does not show
 * (`withRepresentatives`, with the other side's): their engine is made like the side's (`createEngineLike`, sharing
 * its groups). It must give what a new engine gives, also when an added workload joins a group of the side's
 * (same namespace, labels and ports: the copies below).
 */
describe('an engine over workloads appended to another engine’s', () => {
  it('is the same as a new engine over them', () => {
    fc.assert(
      fc.property(
        ciliumCluster,
        ciliumCluster,
        fc.constantFrom('cilium' as const, 'generic' as const),
        fc.boolean(),
        (c, other, cni, copies) => {
          const side = modelOf(ciliumManifests(c), { cni });
          const represented = withRepresentatives(side, modelOf(ciliumManifests(other), { cni }));
          const model: ClusterModel = {
            ...represented,
            workloads: [
              ...represented.workloads,
              ...(copies
                ? side.workloads.map((workload) => ({ ...workload, id: `${workload.id}-copy` }))
                : []),
            ],
          };
          const like = createEngineLike(createEngine(side), model);
          const fresh = createEngine(model);
          expect(like.connectivity()).toEqual(fresh.connectivity());
          expectSameMeanings(like, fresh, model.workloads);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Both engines give every workload the same selection meaning in both directions. */
function expectSameMeanings(like: PolicyEngine, fresh: PolicyEngine, workloads: readonly Workload[]): void {
  for (const workload of workloads) {
    for (const direction of ['ingress', 'egress'] as const)
      expect(like.selectionMeaning(workload, direction)).toBe(fresh.selectionMeaning(workload, direction));
  }
}
