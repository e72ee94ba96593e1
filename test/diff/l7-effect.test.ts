import { describe, expect, it } from 'vitest';
import { changedL7Rule, l7Effect, l7Narrows } from '../../src/diff/l7.js';
import type { L7Rule } from '../../src/policy/types.js';

/** An HTTP rule of CiliumNetworkPolicy payments/api written at `line`. */
function http(method: string, path: string, line: number): L7Rule {
  return {
    parser: 'http',
    rule: { method, path },
    policy: {
      kind: 'CiliumNetworkPolicy',
      namespace: 'payments',
      name: 'api',
      location: { file: 'payments.yaml', line: 1, column: 1 },
    },
    location: { file: 'payments.yaml', line, column: 1 },
  };
}

const orders = http('GET', '/orders', 10);
const pay = http('POST', '/pay', 11);

/** What an L7 change does to the requests that pass, by the rules each side filters by (src/diff/l7.ts). */
describe('l7Effect', () => {
  it('is applied or removed when only one side of the comparison filters', () => {
    expect(l7Effect(undefined, { ingress: [orders] })).toBe('applied');
    expect(l7Effect({ egress: [orders] }, undefined)).toBe('removed');
  });

  it('is narrowed when a side loses a rule or starts filtering, widened when it gains one or stops', () => {
    expect(l7Effect({ ingress: [orders, pay] }, { ingress: [orders] })).toBe('narrowed');
    expect(l7Effect({ ingress: [orders] }, { ingress: [orders], egress: [pay] })).toBe('narrowed');
    expect(l7Effect({ ingress: [orders] }, { ingress: [orders, pay] })).toBe('widened');
    expect(l7Effect({ ingress: [orders], egress: [pay] }, { ingress: [orders] })).toBe('widened');
  });

  it('is changed when rules are lost and others gained, a rewritten rule included', () => {
    expect(l7Effect({ ingress: [orders] }, { ingress: [pay] })).toBe('changed');
    expect(l7Effect({ ingress: [orders] }, { egress: [pay] })).toBe('changed');
  });

  it('narrows what passes when applied, narrowed or changed only', () => {
    expect(
      ['applied', 'narrowed', 'changed', 'widened', 'removed'].filter((e) => l7Narrows(e as never)),
    ).toEqual(['applied', 'narrowed', 'changed']);
  });
});

describe('changedL7Rule', () => {
  it('is the first rule head filters by that base did not, else the first of a side whose rules changed', () => {
    const moved = http('GET', '/orders', 20);
    expect(changedL7Rule({ base: { ingress: [orders] }, head: { ingress: [moved, pay] } })).toBe(pay);
    expect(changedL7Rule({ base: { ingress: [orders, pay] }, head: { ingress: [moved] } })).toBe(moved);
    expect(changedL7Rule({ base: { ingress: [orders] }, head: undefined })).toBeUndefined();
  });
});
