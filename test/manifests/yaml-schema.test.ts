import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolvePlainScalar, YAML_OPTIONS } from '../../src/manifests/yaml-schema.js';

/** What the full parser makes of a plain scalar under the same options (the reference the block reader follows). */
function parsed(source: string): unknown {
  return parseDocument(source, YAML_OPTIONS).toJS();
}

// YAML 1.1 as go-yaml (kubectl) reads it: booleans, octal, nulls, numbers; times stay texts.
const SCALARS = [
  'yes',
  'No',
  'on',
  'OFF',
  '~',
  'null',
  '0755',
  '0x1F',
  '1_000',
  '-12',
  '3.5',
  '.inf',
  '22:22',
  'TCP',
];

describe('resolvePlainScalar', () => {
  it('gives the full parser’s value, also when a text is asked again', () => {
    for (const source of [...SCALARS, ...SCALARS])
      expect(resolvePlainScalar(source)).toEqual({ value: parsed(source) });
  });

  it('stays right past the number of texts it remembers, and for texts too long to remember', () => {
    for (let i = 0; i < 70_000; i++) resolvePlainScalar(`label-${i}`);
    const long = `0${'7'.repeat(80)}`;
    for (const source of [...SCALARS, long, long])
      expect(resolvePlainScalar(source)).toEqual({ value: parsed(source) });
  });
});
