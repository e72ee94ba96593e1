import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/policy/engine.js';
import { coversDnsName, DNS_NAME_NAMESPACE, dnsNamesOf, fqdnMatcher } from '../../src/policy/fqdn.js';
import { ConnSet } from '../../src/policy/portset.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import type { Peer, WorkloadPeer } from '../../src/policy/types.js';
import { endpoint, loadFixture } from './fixtures.js';

describe('toFQDNs names (cilium/cilium pkg/fqdn/matchpattern)', () => {
  it.each([
    [{ matchName: 'cilium.io' }, ['cilium.io', 'CILIUM.io.'], ['sub.cilium.io', 'cilium.io.x']],
    [{ matchPattern: '*.cilium.io' }, ['sub.cilium.io', 'a_b-c.cilium.io.'], ['cilium.io', 'a.b.cilium.io']],
    [{ matchPattern: '**.cilium.io' }, ['sub.cilium.io', 'a.b.cilium.io'], ['cilium.io', 'xcilium.io']],
    [{ matchPattern: '*cilium.io' }, ['cilium.io', 'getcilium.io'], ['sub.cilium.io']],
    [{ matchPattern: 'part*ial.com' }, ['partial.com', 'part-extra-ial.com'], ['part.x.ial.com']],
    [{ matchPattern: '*' }, ['cilium.io', 'a.b.c'], []],
    [{ matchPattern: '**.' }, ['cilium.io'], []],
    // A dot in a pattern is a dot, not any character.
    [{ matchPattern: 'cilium.io' }, ['cilium.io'], ['ciliumxio']],
  ])('%j matches %j and not %j', (selector, matching, other) => {
    const matches = fqdnMatcher(selector);
    expect(matching.filter((name) => !matches(name))).toEqual([]);
    expect(other.filter((name) => matches(name))).toEqual([]);
  });
});

describe('explain of a toFQDNs rule with DNS answers (fixtures/engine/cilium-fqdn)', () => {
  const { model, engine } = loadFixture('cilium-fqdn');
  const rule = (address: string) =>
    engine.explain(endpoint(model, 'alliance/client'), endpoint(model, address), 'TCP', 80).egress.policies[0]
      ?.rules[1]?.fqdn;
  const selectors = ['cilium.io', 'sub.cilium.io', 'service1.api.cilium.io', 'special*service.api.cilium.io'];

  it('names the DNS answer that gave an allowed address', () => {
    expect(rule('104.198.14.52')).toEqual({ selectors, answeredBy: 'cilium.io', dependsOnDns: false });
  });

  it('names the names DNS answered an address for that the rule does not list', () => {
    expect(rule('192.0.2.14')).toEqual({
      selectors,
      answerFor: ['anothersub.cilium.io'],
      dependsOnDns: false,
    });
  });

  it('says an address no answer gave depends on DNS', () => {
    expect(rule('198.51.100.1')).toEqual({ selectors, dependsOnDns: true });
  });
});

describe('what a toFQDNs item or DNS rule covers of a DNS name peer', () => {
  it.each([
    [{ matchName: 'api.github.com' }, { matchName: 'API.github.com.' }, true],
    [{ matchPattern: '*.github.com' }, { matchName: 'api.github.com' }, true],
    [{ matchName: 'api.github.com' }, { matchPattern: '*.github.com' }, false],
    [{ matchPattern: '*.github.com' }, { matchPattern: '*.GitHub.com.' }, true],
    [{ matchPattern: '*' }, { matchPattern: '*.github.com' }, true],
    [{ matchPattern: '*.api.cilium.io' }, { matchPattern: 'special*service.api.cilium.io' }, true],
    [{ matchPattern: '*.cilium.io' }, { matchPattern: '*.api.cilium.io' }, false],
    [{ matchPattern: '*.cilium.io' }, { matchPattern: '**.cilium.io' }, false],
    [{ matchPattern: '**.cilium.io' }, { matchPattern: '*.api.cilium.io' }, true],
    [{ matchPattern: '**.cilium.io' }, { matchPattern: '*cilium.io' }, false],
    [{ matchPattern: 'a*.github.com' }, { matchPattern: 'ab*.github.com' }, false],
  ])('%j covers %j: %s', (selector, peer, covers) => {
    expect(coversDnsName(selector, peer)).toBe(covers);
  });
});

describe('DNS name peers in connectivity (fixtures/engine/cilium-fqdn-names)', () => {
  const { model } = loadFixture('cilium-fqdn-names');
  const withNames = withRepresentatives(model);
  const engine = createEngine(withNames);
  const names = dnsNamesOf(model);

  it('makes one peer per name and pattern the toFQDNs items write', () => {
    expect(names.map((name) => name.representative)).toEqual([
      'dns:* (the addresses DNS answers for names matching it)',
      'dns:**.githubusercontent.com (the addresses DNS answers for names matching it)',
      'dns:*.github.com (the addresses DNS answers for names matching it)',
      'dns:api.github.com (the addresses DNS answers for it)',
      'dns:cilium.io (the addresses DNS answers for it)',
      'dns:my-remote-service.com (the addresses DNS answers for it)',
      'dns:service1.api.cilium.io (the addresses DNS answers for it)',
      'dns:special*service.api.cilium.io (the addresses DNS answers for names matching it)',
      'dns:sub.cilium.io (the addresses DNS answers for it)',
    ]);
  });

  it('agrees with allowedPorts for every pod and name, and has no connection from a name', () => {
    const connections = engine.connectivity();
    const isName = (peer: Peer) => 'namespace' in peer && peer.namespace === DNS_NAME_NAMESPACE;
    expect(connections.filter((c) => isName(c.from))).toEqual([]);
    const listed = new Map<string, ConnSet>();
    for (const c of connections.filter((c) => isName(c.to) && 'name' in c.from && 'name' in c.to)) {
      const key = `${(c.from as WorkloadPeer).namespace}/${(c.from as WorkloadPeer).name} -> ${(c.to as WorkloadPeer).name}`;
      listed.set(key, (listed.get(key) ?? ConnSet.none()).union(ConnSet.of(c.protocol, c.ports)));
    }
    for (const pod of model.workloads) {
      for (const name of names) {
        const key = `${pod.namespace}/${pod.name} -> ${name.name}`;
        const allowed = engine.allowedPorts({ workload: pod }, { workload: name });
        expect(String(listed.get(key) ?? ConnSet.none()), key).toBe(String(allowed));
      }
    }
    expect(listed.get('alliance/client -> cilium.io')?.toString()).toBe('TCP 80');
  });
});
