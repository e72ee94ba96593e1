import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';

const VALIDATION = 'fixtures/manifests/validation';

/** `# expect: TEXT` markers of a fixture, by line. */
function expectations(file: string): Map<number, string> {
  const markers = new Map<number, string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const marker = /# expect: (.*)$/.exec(text)?.[1];
      if (marker !== undefined) markers.set(index + 1, marker.trim());
    });
  return markers;
}

describe('validateNetworkPolicy', () => {
  it('accepts a policy using every field with valid values, and an empty spec', async () => {
    const result = await loadManifests([`${VALIDATION}/valid.yaml`]);
    expect(result.diagnostics).toEqual([]);
    expect(result.objects.map((object) => object.name)).toEqual(['api.allow-all-features', 'deny-all']);
  });

  it('reports each API-invalid value at its line, naming its path, and leaves the policies out', async () => {
    const file = `${VALIDATION}/invalid.yaml`;
    const result = await loadManifests([file]);
    expect(result.objects).toEqual([]);

    const markers = expectations(file);
    const found = result.diagnostics.map((d) => ({ line: d.line, code: d.code, message: d.message }));
    const expected = [...markers].map(([line, text]) => ({
      line,
      code: 'schema',
      message: expect.stringContaining(text),
    }));
    expect(found).toEqual(expected);
    for (const diagnostic of result.diagnostics) expect(diagnostic.file).toBe(file);
  });

  it('says once per policy that the API server rejects it', async () => {
    const result = await loadManifests([`${VALIDATION}/invalid.yaml`]);
    const notes = result.diagnostics.filter((d) =>
      d.message.includes('the API server rejects NetworkPolicy'),
    );
    const policies = new Set(result.diagnostics.map((d) => d.resource?.name));
    expect(notes).toHaveLength(policies.size);
    expect(notes[0]?.message).toContain(
      '(the API server rejects NetworkPolicy "typo-in-peer"; it is left out of the analysis)',
    );
  });
});
