import { describe, expect, it } from 'vitest';
import { ownerFromPodName } from '../../src/flows/owner.js';

describe('ownerFromPodName', () => {
  it('names the Deployment of a pod whose name carries its pod-template-hash', () => {
    expect(
      ownerFromPodName('coredns-5d78c9869d-qp7zk', {
        'k8s-app': 'kube-dns',
        'pod-template-hash': '5d78c9869d',
      }),
    ).toEqual({
      kind: 'Deployment',
      name: 'coredns',
    });
  });

  it('names the StatefulSet of an ordinal pod', () => {
    expect(ownerFromPodName('postgres-0', { 'statefulset.kubernetes.io/pod-name': 'postgres-0' })).toEqual({
      kind: 'StatefulSet',
      name: 'postgres',
    });
  });

  it('guesses nothing when the labels do not say how the pod was named', () => {
    expect(ownerFromPodName('postgres-0', { app: 'postgres' })).toBeUndefined();
    expect(ownerFromPodName('web-abc-12345', { 'pod-template-hash': 'zzz' })).toBeUndefined();
  });
});
