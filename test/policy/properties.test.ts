import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyRef, Protocol } from '../../src/model/types.js';
import { createEngine } from '../../src/policy/engine.js';
import { DNS_NAME_NAMESPACE } from '../../src/policy/fqdn.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import { cidrToRange } from '../../src/policy/ip.js';
import { ConnSet } from '../../src/policy/portset.js';
import type { Connection, Peer } from '../../src/policy/types.js';
import {
  ciliumCluster,
  ciliumManifests,
  ciliumSettings,
  cluster,
  type Manifest,
  manifests,
  modelOf,
  policyManifest,
  rule,
  shuffledCluster,
  tieredCluster,
  tieredManifests,
} from './clusters.js';

function peerKey(peer: Peer): string {
  return 'cidr' in peer ? peer.cidr : `${peer.namespace}/${peer.kind}/${peer.name}`;
}

/** Connectivity as ports per (from, to, protocol), so two results can be compared or contained. */
function byPath(connections: readonly Connection[]): Map<string, ConnSet> {
  return new Map(
    connections.map((c) => [
      `${peerKey(c.from)} > ${peerKey(c.to)} > ${c.protocol}`,
      ConnSet.of(c.protocol, c.ports),
    ]),
  );
}

/** External connections per (workload, direction, protocol) as the port set at every address of a probe list. */
function addressView(connections: readonly Connection[], probes: readonly string[]): Map<string, ConnSet> {
  const view = new Map<string, ConnSet>();
  for (const c of connections) {
    const outbound = 'cidr' in c.to;
    const block = (outbound ? c.to : c.from) as { cidr: string };
    if (!('cidr' in c.from) && !outbound) continue;
    const range = cidrToRange(block.cidr)!;
    for (const probe of probes) {
      const address = cidrToRange(`${probe}/${range.family === 4 ? 32 : 128}`);
      if (
        !address ||
        address.family !== range.family ||
        address.start < range.start ||
        address.start > range.end
      )
        continue;
      const key = `${peerKey(outbound ? c.from : c.to)} ${outbound ? '>' : '<'} ${probe} ${c.protocol}`;
      view.set(key, ConnSet.of(c.protocol, c.ports));
    }
  }
  return view;
}

/**
 * The agreement properties hold for NetworkPolicies alone, with admin and baseline policies above and below, and with
 * Cilium policies in the namespaced tier.
 */
const generic = (objects: Manifest[]) => ({ objects, options: {} });
const SHAPES = [
  ['NetworkPolicy', cluster.map(manifests).map(generic)],
  ['with AdminNetworkPolicy and BaselineAdminNetworkPolicy', tieredCluster.map(tieredManifests).map(generic)],
  [
    'with Cilium policies (denies, enableDefaultDeny, entities)',
    ciliumCluster.map(ciliumManifests).map(generic),
  ],
  [
    'under cni: cilium with its enforcement modes, CIDR match modes and cluster names',
    fc
      .tuple(ciliumCluster.map(ciliumManifests), ciliumSettings)
      .map(([objects, cilium]) => ({ objects, options: { cni: 'cilium' as const, cilium } })),
  ],
] as const;

const PROBES = ['10.1.2.3', '10.5.0.1', '192.168.3.4', '8.8.8.8', '2001:db8::1'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

describe('engine properties', () => {
  it('manifest order never changes results', () => {
    fc.assert(
      fc.property(shuffledCluster, ([c, shuffled]) => {
        expect(createEngine(modelOf(shuffled)).connectivity()).toEqual(
          createEngine(modelOf(manifests(c))).connectivity(),
        );
      }),
    );
  });

  it('adding an allow rule never removes a connection', () => {
    fc.assert(
      fc.property(
        cluster,
        fc.nat(),
        fc.constantFrom('ingress', 'egress'),
        rule('from'),
        rule('to'),
        (c, which, direction, fromRule, toRule) => {
          fc.pre(c.policies.length > 0);
          const before = createEngine(modelOf(manifests(c))).connectivity();
          const policies = c.policies.map((p, i) =>
            i === which % c.policies.length
              ? { ...p, [direction]: [...p[direction], direction === 'ingress' ? fromRule : toRule] }
              : p,
          );
          const afterConnections = createEngine(modelOf(manifests({ ...c, policies }))).connectivity();
          const after = byPath(afterConnections);
          for (const [path, ports] of byPath(before)) {
            if (path.split(' > ').some((key) => cidrToRange(key))) continue;
            expect(ports.subtract(after.get(path) ?? ConnSet.none()).isEmpty(), path).toBe(true);
          }
          // Blocks may be cut differently: compare what each probed address gets.
          const afterView = addressView(afterConnections, PROBES);
          for (const [key, ports] of addressView(before, PROBES)) {
            expect(ports.subtract(afterView.get(key) ?? ConnSet.none()).isEmpty(), key).toBe(true);
          }
        },
      ),
    );
  });

  it('a pod selected by an Ingress policy without rules receives nothing', () => {
    fc.assert(
      fc.property(cluster, fc.nat(), (c, which) => {
        const target = c.pods[which % c.pods.length]!;
        // The only policy of its namespace, so no other policy adds rules for the pod.
        const others = c.policies.filter((p) => p.namespace !== target.namespace);
        const isolate = policyManifest('isolate', {
          namespace: target.namespace,
          podSelector: { matchLabels: target.labels },
          policyTypes: ['Ingress'],
        });
        const model = modelOf([...manifests({ ...c, policies: others }), isolate]);
        const engine = createEngine(model);
        const isolated = model.workloads.filter(
          (w) =>
            w.namespace === target.namespace &&
            Object.entries(target.labels).every(([k, v]) => w.labels[k] === v),
        );
        expect(isolated.length).toBeGreaterThan(0);
        const ids = new Set(isolated.map((w) => w.id));
        expect(
          engine.connectivity().filter((conn) => !('cidr' in conn.to) && ids.has(peerKey(conn.to))),
        ).toEqual([]);
        for (const w of isolated)
          expect(engine.allowedPorts({ ip: '8.8.8.8' }, { workload: w }).isEmpty()).toBe(true);
      }),
    );
  });

  it('a namespace with no policies allows everything', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        const model = modelOf(manifests(c));
        const engine = createEngine(model);
        const open = model.workloads.filter((w) => !model.policies.some((p) => p.namespace === w.namespace));
        for (const from of open) {
          expect(engine.allowedPorts({ workload: from }, { ip: '203.0.113.1' }).isAll()).toBe(true);
          expect(engine.allowedPorts({ ip: '203.0.113.1' }, { workload: from }).isAll()).toBe(true);
          for (const to of open)
            expect(engine.allowedPorts({ workload: from }, { workload: to }).isAll()).toBe(true);
        }
      }),
    );
  });

  it('connectivity() agrees with allowedPorts() towards the DNS name peers of toFQDNs (Cilium)', () => {
    fc.assert(
      fc.property(ciliumCluster.map(ciliumManifests), (objects) => {
        const model = withRepresentatives(modelOf(objects, { cni: 'cilium' }));
        const engine = createEngine(model);
        const paths = byPath(engine.connectivity());
        const names = model.workloads.filter((workload) => workload.dnsName);
        for (const from of model.workloads.filter((workload) => !workload.representative)) {
          for (const to of names) {
            const expected = engine.allowedPorts({ workload: from }, { workload: to });
            for (const protocol of PROTOCOLS) {
              const listed = paths.get(`${from.id} > ${to.id} > ${protocol}`) ?? ConnSet.none();
              expect(String(listed), `${from.id} > ${to.id}`).toBe(
                String(ConnSet.of(protocol, expected.ranges(protocol))),
              );
            }
          }
        }
        // No connection starts at a name.
        expect([...paths.keys()].filter((path) => path.startsWith(DNS_NAME_NAMESPACE))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(SHAPES)(
    'connectivity() agrees with allowedPorts() for every pair and every probed address (%s)',
    (_, shape) => {
      fc.assert(
        fc.property(shape, ({ objects, options }) => {
          const model = modelOf(objects, options);
          const engine = createEngine(model);
          const connections = engine.connectivity();
          const paths = byPath(connections);
          for (const from of model.workloads) {
            for (const to of model.workloads) {
              if (from === to) continue;
              const expected = engine.allowedPorts({ workload: from }, { workload: to });
              for (const protocol of PROTOCOLS) {
                const listed = paths.get(`${from.id} > ${to.id} > ${protocol}`) ?? ConnSet.none();
                expect(String(listed), `${from.id} > ${to.id}`).toBe(
                  String(ConnSet.of(protocol, expected.ranges(protocol))),
                );
              }
            }
          }
          const view = addressView(connections, PROBES);
          for (const w of model.workloads) {
            for (const probe of PROBES) {
              const out = engine.allowedPorts({ workload: w }, { ip: probe });
              const into = engine.allowedPorts({ ip: probe }, { workload: w });
              for (const protocol of PROTOCOLS) {
                const listedOut = view.get(`${w.id} > ${probe} ${protocol}`) ?? ConnSet.none();
                const listedIn = view.get(`${w.id} < ${probe} ${protocol}`) ?? ConnSet.none();
                expect(String(listedOut)).toBe(String(ConnSet.of(protocol, out.ranges(protocol))));
                expect(String(listedIn)).toBe(String(ConnSet.of(protocol, into.ranges(protocol))));
              }
            }
          }
        }),
      );
    },
  );

  it.each(SHAPES)(
    'isAllowed(), sideAllows(), allowingRule() and admittingRules() agree with allowedPorts() and explain() (%s)',
    (_, shape) => {
      fc.assert(
        fc.property(shape, ({ objects, options }) => {
          const model = modelOf(objects, options);
          const engine = createEngine(model);
          // A pod of a namespace no policy lives in, as the any-namespace risk probes with.
          const outsider = { ...model.workloads[0]!, id: 'elsewhere/Pod/x', namespace: 'elsewhere' };
          const endpoints = [
            ...[...model.workloads, outsider].map((workload) => ({ workload })),
            ...PROBES.map((ip) => ({ ip })),
          ];
          for (const from of endpoints) {
            for (const to of endpoints) {
              const allowed = engine.allowedPorts(from, to);
              for (const protocol of PROTOCOLS) {
                for (const port of [53, 80, 443, 8000, 8080, 9090]) {
                  expect(engine.isAllowed(from, to, protocol, port)).toBe(allowed.has(protocol, port));
                }
                const explained = engine.explain(from, to, protocol, 8080);
                expect(engine.sideAllows('egress', from, to, protocol, 8080)).toBe(explained.egress.allowed);
                expect(engine.sideAllows('ingress', to, from, protocol, 8080)).toBe(
                  explained.ingress.allowed,
                );
                // The rule explain shows as letting the connection in, on the destination first: the deciding allow
                // where admin or baseline policies apply, else the first allow of the namespaced tier matching peer
                // and port on a side it allows.
                const shown = [explained.ingress, explained.egress]
                  .map((side) =>
                    side.decision
                      ? side.decision.allowed && side.decision.rule?.action === 'allow'
                        ? side.decision.rule.loc
                        : undefined
                      : side.policies
                          .flatMap((policy) => policy.rules)
                          .find(
                            (rule) =>
                              side.isolated &&
                              side.allowed &&
                              rule.action !== 'deny' &&
                              rule.peerMatches &&
                              rule.portMatches,
                          )?.loc,
                  )
                  .find((loc) => loc !== undefined);
                expect(engine.allowingRule(from, to, protocol, 8080)).toEqual(shown);
                // Every rule explain shows as matching peer and port, side by side.
                for (const [side, subject, other] of [
                  [explained.egress, from, to],
                  [explained.ingress, to, from],
                ] as const) {
                  // Only where the namespaced tier decides: an admin verdict leaves NetworkPolicy rules moot.
                  const moot = side.decision !== undefined && side.decision.tier !== 'namespaced';
                  const id = (ref: PolicyRef) => `${ref.kind} ${ref.namespace}/${ref.name}`;
                  // admittingRules names the allow rules of every kind of the tier (issue 16): a Cilium policy's too.
                  const admitting = (moot ? [] : side.policies).flatMap((policy) =>
                    policy.rules
                      .filter(
                        (rule) =>
                          rule.peerMatches && rule.portMatches && (rule.action ?? 'allow') === 'allow',
                      )
                      .map((rule) => ({ policy: id(policy.policy), index: rule.index })),
                  );
                  const rules = engine.admittingRules(side.direction, subject, other, protocol, 8080);
                  // decision() names what explain shows as deciding: the tier and rule, and the verdict.
                  const decision = engine.decision(side.direction, subject, other, protocol, 8080);
                  expect(decision.action !== 'deny').toBe(side.allowed);
                  if (side.decision) {
                    expect(decision.tier).toBe(side.decision.tier);
                    expect(decision.location).toEqual(side.decision.rule?.loc);
                  }
                  expect(rules.map((rule) => ({ policy: id(rule.policy), index: rule.index }))).toEqual(
                    admitting,
                  );
                }
              }
            }
          }
        }),
      );
    },
  );
});
