import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { objectFrom } from '../model/objects.js';

/**
 * A repository of the size a platform team has: 3000 workloads in 30 namespaces, one policy each with cross-namespace
 * peers, named ports and ipBlocks. Checks answers, not time: the test exists so the grouped evaluation is exercised
 * at scale on every run (an all-pairs evaluation would not finish within the test timeout).
 */
describe('scale', () => {
  const COUNT = 3000;
  const objects = Array.from({ length: COUNT }, (_, i) => {
    const namespace = `ns${i % 30}`;
    return [
      objectFrom({
        kind: 'Deployment',
        metadata: { name: `w${i}`, namespace },
        spec: {
          template: {
            metadata: { labels: { app: `a${i}`, tier: `t${i % 5}` } },
            spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8000 + (i % 3) }] }] },
          },
        },
      }),
      objectFrom({
        kind: 'NetworkPolicy',
        metadata: { name: `p${i}`, namespace },
        spec: {
          podSelector: { matchLabels: { app: `a${i}` } },
          policyTypes: ['Ingress', 'Egress'],
          ingress: [
            {
              from: [
                {
                  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': `ns${(i + 1) % 30}` } },
                },
              ],
              ports: [{ port: 'http' }],
            },
            { from: [{ ipBlock: { cidr: `10.${i % 250}.0.0/16` } }] },
          ],
          egress: [
            { to: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] },
            { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] },
          ],
        },
      }),
    ];
  }).flat();
  const { model } = buildModel(objects);
  const engine = createEngine(model);
  const connections = engine.connectivity();

  it('answers pod-to-pod reachability across thousands of workloads', () => {
    const internal = connections.filter((c) => !('cidr' in c.from) && !('cidr' in c.to));
    // Every workload of namespace k+1 reaches every workload of namespace k on the destination's own http port.
    expect(internal).toHaveLength(COUNT * (COUNT / 30));
    const w0 = model.workloads[0]!;
    const w31 = model.workloads[31]!;
    expect(String(engine.allowedPorts({ workload: w31 }, { workload: w0 }))).toBe('TCP 8000');
    expect(String(engine.allowedPorts({ workload: w0 }, { workload: w31 }))).toBe('No Connections');
  });

  it("reports each workload's external blocks", () => {
    const outbound = connections.filter((c) => 'cidr' in c.to && 'name' in c.from && c.from.name === 'w7');
    expect(
      outbound.map((c) => `${('cidr' in c.to && c.to.cidr) || ''} ${c.protocol} ${JSON.stringify(c.ports)}`),
    ).toEqual([
      '0.0.0.0/5 TCP [[443,443]]',
      '8.0.0.0/7 TCP [[443,443]]',
      '11.0.0.0/8 TCP [[443,443]]',
      '12.0.0.0/6 TCP [[443,443]]',
      '16.0.0.0/4 TCP [[443,443]]',
      '32.0.0.0/3 TCP [[443,443]]',
      '64.0.0.0/2 TCP [[443,443]]',
      '128.0.0.0/1 TCP [[443,443]]',
    ]);
  });
});
