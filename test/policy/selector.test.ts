import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../src/model/types.js';
import { compileSelector, matchesSelector } from '../../src/policy/selector.js';

describe('label selectors', () => {
  it('an empty selector matches every set of labels', () => {
    expect(matchesSelector({}, {})).toBe(true);
    expect(matchesSelector({ matchLabels: {}, matchExpressions: [] }, { app: 'x' })).toBe(true);
  });

  it('matchLabels needs every pair', () => {
    const selector = compileSelector({ matchLabels: { app: 'web', tier: 'front' } });
    expect(selector({ app: 'web', tier: 'front', extra: 'y' })).toBe(true);
    expect(selector({ app: 'web' })).toBe(false);
  });

  it('reads inherited object keys as absent', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {})).toBe(
      false,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {})).toBe(
      true,
    );
  });

  it('an unknown operator matches nothing', () => {
    const selector = { matchExpressions: [{ key: 'a', operator: 'Near' }] } as unknown as LabelSelector;
    expect(matchesSelector(selector, { a: 'b' })).toBe(false);
  });
});
