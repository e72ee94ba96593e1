import { describe, expect, it } from 'vitest';
import { boundedMarkdown, SUMMARY_MAX_BYTES } from '../../src/action/publish.js';
import { manyFindings } from '../report/cases.js';

/** Issue 15 item 10: GitHub's job summary limit is 1 MiB of bytes, not of characters. */
describe('the job summary', () => {
  it('stays within 1 MiB of UTF-8 when the report holds names of many bytes per character', () => {
    const result = manyFindings(20_000);
    // Messages come from the pull request: three bytes per character, as in CJK names.
    for (const finding of result.findings) finding.message = `名前空間のポリシー ${'網'.repeat(60)}`;
    const markdown = boundedMarkdown(result, SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(SUMMARY_MAX_BYTES / 2);
    expect(markdown).toContain('Shortened to fit the size limit');
  });
});
