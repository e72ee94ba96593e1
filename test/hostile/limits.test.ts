import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_SKIPPED_SAMPLES,
} from '../../src/flows/read.js';
import { DEFAULT_LOAD_LIMITS } from '../../src/manifests/load.js';

/** docs/limits.md states each limit with the default the code has. */
const LIMITS_DOC = readFileSync('docs/limits.md', 'utf8');

function row(name: string): string {
  return LIMITS_DOC.split('\n').find((line) => line.startsWith(`| \`${name}\``)) ?? '';
}

describe('docs/limits.md', () => {
  it.each([
    ...Object.entries(DEFAULT_LOAD_LIMITS),
    ['maxLineBytes', DEFAULT_MAX_LINE_BYTES],
    ['maxDocumentBytes', DEFAULT_MAX_DOCUMENT_BYTES],
    ['maxSkippedSamples', DEFAULT_MAX_SKIPPED_SAMPLES],
  ] as [string, number][])('gives %s its default, %d', (name, value) => {
    expect(row(name)).toContain(`| ${value.toLocaleString('en-US')}`);
  });
});
