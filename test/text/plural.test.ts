import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noun, plural } from '../../src/text/plural.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('plural', () => {
  it('says one and many as people do, with the number in a fixed locale', () => {
    expect(plural(1, 'unreadable record')).toBe('1 unreadable record');
    expect(plural(0, 'unreadable record')).toBe('0 unreadable records');
    expect(plural(1234, 'policy', 'policies')).toBe('1,234 policies');
    expect(noun(1, 'rule is', 'rules are')).toBe('rule is');
    expect(noun(2, 'rule is', 'rules are')).toBe('rules are');
  });

  it('is the only way src/ pluralises: no count string chooses its ending by hand', () => {
    const byHand = /(?:===|!==|>) 1 \? '[^']*' : '[^']*'/;
    const found = sources('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (byHand.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
