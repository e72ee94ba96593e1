import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { renderJson, renderLintJson } from '../../src/report/index.js';
import { failing, lint } from './cases.js';

/** The same value with the keys of every object in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reversed(child)]),
  );
}

describe('renderJson', () => {
  it('writes keys in contract order whatever order the producer used', () => {
    // The fixture is written in contract order.
    expect(renderJson(reversed(failing()) as CheckResult)).toBe(`${JSON.stringify(failing(), null, 2)}\n`);
    expect(renderLintJson(reversed(lint()) as ReturnType<typeof lint>)).toBe(
      `${JSON.stringify(lint(), null, 2)}\n`,
    );
  });

  it('orders what is out of order at any depth, without changing the value it was given', () => {
    const expected = `${JSON.stringify(failing(), null, 2)}\n`;
    // In order already, at the top but not below, and the other way round.
    expect(renderJson(failing())).toBe(expected);
    const inside = { ...failing(), findings: reversed(failing().findings) } as CheckResult;
    const before = JSON.stringify(inside);
    expect(renderJson(inside)).toBe(expected);
    expect(JSON.stringify(inside)).toBe(before);
    const outside = reversed({ ...failing(), findings: undefined }) as CheckResult;
    expect(renderJson({ ...outside, findings: failing().findings })).toBe(expected);
  });

  it('keeps fields the contract does not know yet, after the known ones', () => {
    const result = { ...(reversed(failing()) as CheckResult), extra: { b: 1, a: 2 } };
    const keys = Object.keys(JSON.parse(renderJson(result)) as object);
    expect(keys).toEqual([
      'verdict',
      'reasons',
      'findings',
      'diff',
      'flows',
      'diagnostics',
      'summary',
      'extra',
    ]);
  });

  it('treats a __proto__ key of parsed input as data', () => {
    const result = JSON.parse('{"verdict":"pass","__proto__":{"polluted":true}}') as CheckResult;
    const json = renderJson(result);
    expect(json).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
