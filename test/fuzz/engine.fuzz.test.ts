import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { createEngine } from '../../src/policy/engine.js';
import type { PolicyEngine } from '../../src/policy/types.js';
import { MANIFEST_FILES, readText } from './corpus.js';

/**
 * The engine through the real loader, on real fixtures changed at random: manifest order never changes results,
 * adding an allow rule never removes a connection, and removing the only policy of a namespace never closes a path
 * (where every policy is an allow-only NetworkPolicy).
 */
type Manifest = Record<string, unknown> & { kind?: unknown; metadata?: { namespace?: string } };

/** The valid fixture repositories, as lists of documents (the hostile corpus is not a cluster). */
const CLUSTERS: Manifest[][] = MANIFEST_FILES.filter((file) => !file.includes('hostile'))
  .map((file) =>
    parseAllDocuments(readText(file))
      .filter((document) => document.errors.length === 0 && document.contents !== null)
      .map((document) => document.toJS() as Manifest),
  )
  .filter((documents) => documents.some((d) => d.kind === 'NetworkPolicy'));

function analyse(documents: readonly Manifest[]): { model: ClusterModel; engine: PolicyEngine } {
  const text = documents.map((document) => stringify(document)).join('---\n');
  const { model } = buildModel(parseManifestText(text, 'cluster.yaml').objects);
  return { model, engine: createEngine(model) };
}

/**
 * A result without the file lines it cites (an L7 filter names its rule's line): shuffling the documents moves every
 * line, so only what is allowed, and by which rule, must stay the same.
 */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'location')
      .map(([key, item]) => [key, withoutLocations(item)]),
  );
}

const PROBES = ['10.1.2.3', '192.168.3.4', '8.8.8.8', '169.254.169.254', '2001:db8::1'];

/** Every connection `before` allows, between workloads and to and from probe addresses, `after` allows too. */
function expectNoConnectionLost(before: readonly Manifest[], after: readonly Manifest[]): void {
  const old = analyse(before);
  const now = analyse(after);
  const current = new Map(now.model.workloads.map((w) => [w.id, w]));
  for (const from of old.model.workloads) {
    const fromNow = current.get(from.id);
    if (!fromNow) continue;
    for (const to of old.model.workloads) {
      const toNow = current.get(to.id);
      if (!toNow || from === to) continue;
      const lost = old.engine
        .allowedPorts({ workload: from }, { workload: to })
        .subtract(now.engine.allowedPorts({ workload: fromNow }, { workload: toNow }));
      expect(lost.isEmpty(), `${from.id} -> ${to.id} lost ${String(lost)}`).toBe(true);
    }
    for (const ip of PROBES) {
      const lostOut = old.engine
        .allowedPorts({ workload: from }, { ip })
        .subtract(now.engine.allowedPorts({ workload: fromNow }, { ip }));
      const lostIn = old.engine
        .allowedPorts({ ip }, { workload: from })
        .subtract(now.engine.allowedPorts({ ip }, { workload: fromNow }));
      expect(lostOut.isEmpty(), `${from.id} -> ${ip}`).toBe(true);
      expect(lostIn.isEmpty(), `${ip} -> ${from.id}`).toBe(true);
    }
  }
}

const selector = fc.oneof(
  fc.constant({}),
  fc.record({
    matchLabels: fc.dictionary(fc.constantFrom('app', 'tier', 'role'), fc.constantFrom('web', 'db', 'api')),
  }),
);
const allowRule = (direction: 'ingress' | 'egress') =>
  fc.record(
    {
      [direction === 'ingress' ? 'from' : 'to']: fc.array(
        fc.oneof(
          fc.record({ podSelector: selector }),
          fc.record({ namespaceSelector: selector }),
          fc.record({
            ipBlock: fc.constantFrom({ cidr: '10.0.0.0/8' }, { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }),
          }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
      ports: fc.array(
        fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(53, 80, 5432, 8080) }),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  );

const policyIndexes = (documents: readonly Manifest[]) =>
  documents.flatMap((document, index) => (document.kind === 'NetworkPolicy' ? [index] : []));

describe('engine fuzzing on real fixtures', () => {
  it('manifest order never changes results', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...CLUSTERS)
          .chain((documents) =>
            fc.tuple(fc.constant(documents), fc.shuffledSubarray(documents, { minLength: documents.length })),
          ),
        ([documents, shuffled]) => {
          expect(withoutLocations(analyse(shuffled).engine.connectivity())).toEqual(
            withoutLocations(analyse(documents).engine.connectivity()),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adding an allow rule never removes a connection', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLUSTERS),
        fc.nat(),
        fc.constantFrom('ingress' as const, 'egress' as const),
        allowRule('ingress'),
        allowRule('egress'),
        (documents, which, direction, ingressRule, egressRule) => {
          const indexes = policyIndexes(documents);
          const target = indexes[which % indexes.length] ?? 0;
          const changed = documents.map((document, index) => {
            if (index !== target) return document;
            const spec = (document.spec ?? {}) as Record<string, unknown>;
            // policyTypes stays as written: a rule never changes which directions a policy isolates.
            const hasEgressRules = Array.isArray(spec.egress) && spec.egress.length > 0;
            const policyTypes = spec.policyTypes ?? ['Ingress', ...(hasEgressRules ? ['Egress'] : [])];
            const rules = Array.isArray(spec[direction]) ? spec[direction] : [];
            const added = direction === 'ingress' ? ingressRule : egressRule;
            return { ...document, spec: { ...spec, policyTypes, [direction]: [...rules, added] } };
          });
          expectNoConnectionLost(documents, changed);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('removing the only policy of a namespace never closes a path', () => {
    // Only where every policy is an allow-only NetworkPolicy: with deny rules (a CiliumNetworkPolicy's ingressDeny,
    // an admin or baseline Deny), removing the policy that isolated a pod can leave a deny-only policy isolating it,
    // or hand it to a baseline Deny, and so close paths as the semantics say it must.
    const allowOnly = CLUSTERS.filter((documents) =>
      documents.every(
        (document) =>
          typeof document.kind !== 'string' ||
          !document.kind.endsWith('NetworkPolicy') ||
          document.apiVersion === 'networking.k8s.io/v1',
      ),
    );
    const soleInNamespace = allowOnly.flatMap((documents) => {
      const namespaces = policyIndexes(documents).map(
        (index) => documents[index]?.metadata?.namespace ?? 'default',
      );
      return policyIndexes(documents)
        .filter((_, position) => namespaces.filter((ns) => ns === namespaces[position]).length === 1)
        .map((index) => ({ documents, index }));
    });
    expect(soleInNamespace.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...soleInNamespace), ({ documents, index }) => {
        expectNoConnectionLost(
          documents,
          documents.filter((_, position) => position !== index),
        );
      }),
      { numRuns: 30 },
    );
  });
});
