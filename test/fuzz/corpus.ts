import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Real manifests the fuzzers start from: engine fixtures, the demo repository and the hostile corpus. */
export const MANIFEST_FILES: readonly string[] = [
  ...readdirSync('fixtures/engine', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join('fixtures/engine', entry.name, 'manifests.yaml')),
  ...['data/data.yaml', 'payments/payments.yaml', 'shop/network-policies.yaml', 'shop/workloads.yaml'].map(
    (file) => path.join('fixtures/demo/head', file),
  ),
  ...readdirSync('fixtures/hostile').map((file) => path.join('fixtures/hostile', file)),
];

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Characters that matter to YAML, JSON and the readers, mixed with plain text. */
const SYNTAX = fc.constantFrom(
  ...'{}[]:,-#&*!|>\'"%@`\t\n\r\\ ',
  '---',
  '...',
  '{{',
  '}}',
  '<<: *a',
  '&a ',
  '\0',
  '\uFEFF',
  '\u202E',
  '\uD800',
  'apiVersion: v1',
  'kind: NetworkPolicy',
);
export const noisyText = fc
  .array(fc.oneof(SYNTAX, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

/** One edit of a text: a cut, an insertion, a deleted or repeated range, or lines swapped. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: noisyText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), first: fc.nat(), second: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, change: Edit): string {
  const at = (offset: number) => (text.length === 0 ? 0 : offset % (text.length + 1));
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at(change.at));
    case 'insert':
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at));
    case 'delete':
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case 'repeat': {
      const start = at(change.at);
      return text.slice(0, start + change.length) + text.slice(start);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const first = change.first % lines.length;
      const second = change.second % lines.length;
      [lines[first], lines[second]] = [lines[second] ?? '', lines[first] ?? ''];
      return lines.join('\n');
    }
  }
}

/** A text derived from `texts` by a few random edits. */
export function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));
}
