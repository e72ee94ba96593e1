import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigText } from '../../src/config/load.js';
import { buildModel } from '../../src/model/build.js';
import type { Diagnostic } from '../../src/manifests/types.js';
import type { ClusterModel } from '../../src/model/types.js';
import { createEngine } from '../../src/policy/engine.js';
import { entityWorkload, parseEntities } from '../../src/policy/entities.js';
import { dnsNameWorkload, parseDnsName } from '../../src/policy/fqdn.js';
import { addressToRange } from '../../src/policy/ip.js';
import type { Endpoint, PolicyEngine } from '../../src/policy/types.js';
import { objectsFromYaml } from '../model/objects.js';

export const ENGINE_FIXTURES = join(import.meta.dirname, '../../fixtures/engine');

/**
 * The model and engine of one fixture folder's `manifests.yaml`, under the `cni` and `cilium:` settings of its
 * `config.yaml` (a `.netpol-guard.yaml`) when it has one, with the DNS answers of its `dns.txt` when it has one.
 */
export function loadFixture(topic: string): { model: ClusterModel; engine: PolicyEngine } {
  const file = join(ENGINE_FIXTURES, topic, 'manifests.yaml');
  const configFile = join(ENGINE_FIXTURES, topic, 'config.yaml');
  const diagnostics: Diagnostic[] = [];
  const config = existsSync(configFile)
    ? parseConfigText(readFileSync(configFile, 'utf8'), `${topic}/config.yaml`, diagnostics)
    : undefined;
  if (diagnostics.length > 0) throw new Error(`${topic}/config.yaml: ${JSON.stringify(diagnostics)}`);
  const { model } = buildModel(
    objectsFromYaml(readFileSync(file, 'utf8'), `${topic}/manifests.yaml`),
    config ? { ...(config.cni ? { cni: config.cni } : {}), cilium: config.cilium } : {},
  );
  const dnsFile = join(ENGINE_FIXTURES, topic, 'dns.txt');
  return { model, engine: createEngine(model, existsSync(dnsFile) ? { dns: readDnsAnswers(dnsFile) } : {}) };
}

/** A fixture's `dns.txt`: the DNS answers the recorded flows would hold, one `name: address, address` a line. */
function readDnsAnswers(file: string): Map<string, string[]> {
  const answers = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    answers.set(
      line.slice(0, colon).trim(),
      line
        .slice(colon + 2)
        .split(',')
        .map((address) => address.trim()),
    );
  }
  return answers;
}

/**
 * `namespace/name` names a workload of the model, `entity:NAME[+NAME][@IP]` a Cilium entity (at an address outside
 * the cluster), `dns:NAME` or `dns:PATTERN` a DNS name peer; anything else is an IP address.
 */
export function endpoint(model: ClusterModel, text: string): Endpoint {
  const dnsName = parseDnsName(text);
  if (dnsName) return { workload: dnsNameWorkload(dnsName) };
  const [entity, ip] = text.split('@');
  const entities = parseEntities(entity!);
  if (entities) return { workload: entityWorkload(entities, ip ? { ip } : undefined) };
  const [namespace, name] = text.split('/');
  const workload = model.workloads.find((w) => w.namespace === namespace && w.name === name);
  if (workload) return { workload };
  if (!addressToRange(text))
    throw new Error(`fixture names ${text}, neither a workload of the model nor an IP address`);
  return { ip: text };
}
