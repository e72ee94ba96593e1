import { describe, expect, it } from 'vitest';
import { chooseCni } from '../../src/model/cni.js';
import { buildModel } from '../../src/model/build.js';

const seen = (apiVersion: string, kind: string, line = 1) => ({ apiVersion, kind, file: 'p.yaml', line });

describe('chooseCni (issue 16, section 4)', () => {
  it('keeps the setting, whatever the tree holds', () => {
    expect(chooseCni('calico', [seen('cilium.io/v2', 'CiliumNetworkPolicy')])).toEqual({ cni: 'calico' });
  });

  it('is generic for a tree without CNI-specific policies, or with those of two CNIs', () => {
    expect(chooseCni(undefined, [seen('networking.k8s.io/v1', 'NetworkPolicy')])).toEqual({ cni: 'generic' });
    expect(
      chooseCni(undefined, [
        seen('cilium.io/v2', 'CiliumNetworkPolicy'),
        seen('crd.projectcalico.org/v1', 'GlobalNetworkPolicy'),
      ]),
    ).toEqual({ cni: 'generic' });
  });

  it('assumes the one CNI whose kinds are there, told apart by API group, and says so once', () => {
    const { cni, diagnostic } = chooseCni(undefined, [
      seen('networking.k8s.io/v1', 'NetworkPolicy', 1),
      seen('projectcalico.org/v3', 'GlobalNetworkPolicy', 7),
      seen('crd.projectcalico.org/v1', 'NetworkSet', 9),
      // Antrea's NetworkPolicy is not Calico's.
      seen('crd.antrea.io/v1beta1', 'NetworkPolicy', 12),
    ]);
    expect(cni).toBe('calico');
    expect(diagnostic).toMatchObject({ severity: 'info', code: 'cni-assumed', file: 'p.yaml', line: 7 });
    expect(diagnostic?.message).toContain('GlobalNetworkPolicy at p.yaml:7 and 1 more');
  });
});

describe('the model carries the CNI the engine and rules consult', () => {
  it('is generic unless the build says otherwise', () => {
    expect(buildModel([]).model.cni).toBe('generic');
    expect(buildModel([], { cni: 'cilium' }).model.cni).toBe('cilium');
  });
});
