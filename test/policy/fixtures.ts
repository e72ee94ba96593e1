import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { createEngine } from '../../src/policy/engine.js';
import { addressToRange } from '../../src/policy/ip.js';
import type { Endpoint, PolicyEngine } from '../../src/policy/types.js';
import { objectsFromYaml } from '../model/objects.js';

export const ENGINE_FIXTURES = join(import.meta.dirname, '../../fixtures/engine');

/** The model and engine of one fixture folder's `manifests.yaml`. */
export function loadFixture(topic: string): { model: ClusterModel; engine: PolicyEngine } {
  const file = join(ENGINE_FIXTURES, topic, 'manifests.yaml');
  const { model } = buildModel(objectsFromYaml(readFileSync(file, 'utf8'), `${topic}/manifests.yaml`));
  return { model, engine: createEngine(model) };
}

/** `namespace/name` names a workload of the model; anything else is an IP address. */
export function endpoint(model: ClusterModel, text: string): Endpoint {
  const [namespace, name] = text.split('/');
  const workload = model.workloads.find((w) => w.namespace === namespace && w.name === name);
  if (workload) return { workload };
  if (!addressToRange(text))
    throw new Error(`fixture names ${text}, neither a workload of the model nor an IP address`);
  return { ip: text };
}
