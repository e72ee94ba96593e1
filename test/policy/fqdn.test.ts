import { describe, expect, it } from 'vitest';
import { fqdnMatcher } from '../../src/policy/fqdn.js';
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
