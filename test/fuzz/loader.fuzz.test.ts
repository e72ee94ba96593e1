import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseManifestText } from '../../src/manifests/load.js';
import { MANIFEST_FILES, mutated, noisyText, readText } from './corpus.js';

/**
 * The loader over random and mutated documents: it never throws, every diagnostic names the file and a line of it,
 * and every object it returns is one the analysis can use.
 */
function expectWellFormed(text: string, file: string): void {
  const result = parseManifestText(text, file);
  const lines = text.split('\n').length;
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.file).toBe(file);
    if (diagnostic.line !== undefined) {
      expect(diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.line).toBeLessThanOrEqual(lines);
    }
    expect(diagnostic.message).not.toBe('');
  }
  for (const object of result.objects) {
    expect(typeof object.kind).toBe('string');
    expect(object.name).not.toBe('');
    expect(object.loc.line).toBeLessThanOrEqual(lines);
  }
}

const texts = MANIFEST_FILES.map(readText);
/** The real documents as JSON, the way `kubectl get -o json` writes them. */
const jsonTexts = texts
  .flatMap((text) => parseAllDocuments(text))
  .filter((document) => document.errors.length === 0 && document.contents !== null)
  .map((document) => JSON.stringify(document.toJS({ maxAliasCount: 100 }), null, 2));

describe('parseManifestText fuzzing', () => {
  it('survives random text', () => {
    fc.assert(
      fc.property(noisyText, fc.constantFrom('random.yaml', 'random.json'), (text, file) =>
        expectWellFormed(text, file),
      ),
      { numRuns: 500 },
    );
  });

  it('survives mutations of real manifests', () => {
    fc.assert(
      fc.property(mutated(texts), (text) => expectWellFormed(text, 'mutated.yaml')),
      { numRuns: 300 },
    );
  });

  it('survives mutations of JSON manifests', () => {
    fc.assert(
      fc.property(mutated(jsonTexts), (text) => expectWellFormed(text, 'mutated.json')),
      { numRuns: 150 },
    );
  });
});
