import { describe, expect, it } from 'vitest';
import { MarkerSearch } from '../../src/flows/markers.js';

const replies = () => new MarkerSearch('y":t', ['"is_reply":true', '"reply":true']);

/** Each line's range in `text`, as forEachLine hands them over. */
function lineRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    ranges.push([start, start + line.length]);
    start += line.length + 1;
  }
  return ranges;
}

describe('MarkerSearch', () => {
  it('tells, line after line of one buffer, which lines hold a marker', () => {
    const text = [
      '{"is_reply":true}',
      '{"is_reply":false,"Summary":"y\\":t"}',
      '{"reply":true,"x":1}',
      '{"really":true}',
      '{"x":{"is_reply":true}}',
      '',
      '{"replay":true}',
    ].join('\n');
    const bytes = Buffer.from(text);
    const search = replies();
    expect(lineRanges(text).map(([start, end]) => search.foundIn(bytes, start, end))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('needs the whole marker inside the range', () => {
    const bytes = Buffer.from('{"is_reply":true}');
    const search = replies();
    expect(search.foundIn(bytes, 2, bytes.length)).toBe(false); // starts after the marker's quote
    expect(search.foundIn(bytes, 0, 14)).toBe(false); // ends inside `true`
    expect(search.foundIn(bytes, 1, 16)).toBe(true);
  });

  it('answers the same whatever order ranges and buffers are asked in', () => {
    const first = Buffer.from('{"a":1}\n{"reply":true}\n{"b":2}');
    const second = Buffer.from('{"reply":true}\n{"a":1}');
    const search = replies();
    expect(search.foundIn(first, 15, 22)).toBe(false);
    expect(search.foundIn(first, 8, 22)).toBe(true); // before the range asked last
    expect(search.foundIn(second, 0, 14)).toBe(true); // another buffer
    expect(search.foundIn(first, 0, 7)).toBe(false);
    expect(search.foundIn(first, 8, 22)).toBe(true);
  });

  it('looks for markers around each anchor, before and after it', () => {
    const types = new MarkerSearch('Type"', ['"Type":"L7"', '"Type":"SOCK"']);
    const lines = ['{"Type":"L3_L4"}', '{"Type":"L7"}', '{"Type":"SOCK"}', '{"Type":"L7x"}'];
    expect(lines.map((line) => types.foundIn(Buffer.from(line), 0, line.length))).toEqual([
      false,
      true,
      true,
      false, // the marker ends with the value's closing quote
    ]);
  });

  it('tells which marker it found', () => {
    const types = new MarkerSearch('Type"', ['"Type":"L7"', '"Type":"SOCK"', '"Type":"L3_L4"']);
    const lines = ['{"Type":"L3_L4"}', '{"Type":"L7"}', '{"Type":"SOCK"}', '{"Type":"L7x"}', '{}'];
    expect(lines.map((line) => types.firstIn(Buffer.from(line), 0, line.length))).toEqual([2, 0, 1, -1, -1]);
  });

  it('refuses a marker without its anchor', () => {
    expect(() => new MarkerSearch('y":t', ['"Type":"L7"'])).toThrow(/does not contain its anchor/);
  });
});
