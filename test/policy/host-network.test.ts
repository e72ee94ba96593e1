import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import type { Cni } from '../../src/model/cni.js';
import { createEngine } from '../../src/policy/engine.js';

/** fixtures/manifests/host-network-cni: its README names the CNI documentation each verdict encodes. */
const FILE = 'fixtures/manifests/host-network-cni/monitoring.yaml';
const TEXT = readFileSync(join(import.meta.dirname, '../..', FILE), 'utf8');

function verdicts(cni: Cni) {
  const { model } = buildModel(parseManifestText(TEXT, FILE).objects, { cni });
  const engine = createEngine(model);
  const pod = (name: string) => ({ workload: model.workloads.find((w) => w.name === name)! });
  const allowed = (from: string, to: string, port: number) =>
    engine.isAllowed(pod(from), pod(to), 'TCP', port);
  // The bulk path says the same as the per-connection one.
  const reach = new Set(
    engine
      .connectivity()
      .filter((c) => 'name' in c.from && 'name' in c.to && c.protocol === 'TCP')
      .filter((c) => c.ports.some(([lo, hi]) => lo <= 9100 && 9100 <= hi))
      .map((c) => `${(c.from as { name: string }).name}->${(c.to as { name: string }).name}`),
  );
  const pairs = [
    ['prometheus', 'node-exporter'],
    ['scraper', 'node-exporter'],
    ['node-exporter', 'prometheus'],
  ] as const;
  for (const [from, to] of pairs) expect(reach.has(`${from}->${to}`)).toBe(allowed(from, to, 9100));
  return {
    prometheusScrapes: allowed('prometheus', 'node-exporter', 9100),
    scraperScrapes: allowed('scraper', 'node-exporter', 9100),
    nodeExporterIsolated: engine.isIsolated(pod('node-exporter').workload, 'ingress'),
    nodeExporterEgress: engine.isAllowed(pod('node-exporter'), { ip: '192.0.2.1' }, 'TCP', 443),
  };
}

describe('hostNetwork pods per CNI (issue 17 item 7)', () => {
  it('are pods like any other on generic, as np-guard reads them', () => {
    expect(verdicts('generic')).toEqual({
      prometheusScrapes: true,
      scraperScrapes: false,
      nodeExporterIsolated: true,
      nodeExporterEgress: false,
    });
  });

  it('are their node on Cilium: not isolated, matched by no pod selector and no CIDR', () => {
    expect(verdicts('cilium')).toEqual({
      prometheusScrapes: false,
      scraperScrapes: false,
      nodeExporterIsolated: false,
      nodeExporterEgress: true,
    });
  });

  it('are their node on Calico: not isolated, matched by an ipBlock of every address but no pod selector', () => {
    expect(verdicts('calico')).toEqual({
      prometheusScrapes: false,
      scraperScrapes: true,
      nodeExporterIsolated: false,
      nodeExporterEgress: true,
    });
  });
});
