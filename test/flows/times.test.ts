import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoTimeParser, parseIsoTime } from '../../src/flows/aggregate.js';

const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** Minutes, valid or not: around the ends of each field's range, either case of `T`. */
const minute = fc
  .tuple(
    fc.constantFrom('0000', '1970', '2024', '2025', '9999'),
    fc.constantFrom('00', '01', '02', '12', '13'),
    fc.constantFrom('00', '01', '28', '29', '30', '31', '32'),
    fc.constantFrom('T', 't'),
    fc.constantFrom('00', '09', '23', '24', '25'),
    fc.constantFrom('00', '01', '59', '60'),
  )
  .map(([year, month, day, t, hour, min]) => `${year}-${month}-${day}${t}${hour}:${min}`);

/** What follows the minute: Hubble's `:SS.ffffffZ` and the other forms, a little past their ranges too. */
const rest = fc.oneof(
  fc
    .tuple(twoDigits(69), fc.option(fc.stringMatching(/^[0-9]{0,10}$/)), fc.constantFrom('Z', 'z', '+02:00'))
    .map(([seconds, fraction, zone]) => `:${seconds}${fraction === null ? '' : `.${fraction}`}${zone}`),
  fc.constantFrom('Z', ':5Z', ':05.Z', ':05.1x2Z', ':05', '', ':59.999999999Z', ':00Z '),
);

describe('IsoTimeParser', () => {
  it('reads every timestamp as parseIsoTime does, whatever came before it', () => {
    // A few minutes per run, so that timestamps share their minute as a log's do.
    const runs = fc
      .array(minute, { minLength: 1, maxLength: 3 })
      .chain((minutes) =>
        fc.array(fc.tuple(fc.constantFrom(...minutes), rest), { minLength: 1, maxLength: 30 }),
      );
    fc.assert(
      fc.property(runs, (timestamps) => {
        const parser = new IsoTimeParser();
        for (const [start, ending] of timestamps) {
          const value = `${start}${ending}`;
          expect(parser.parse(value)).toBe(parseIsoTime(value));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a minute of Hubble timestamps from the first one', () => {
    const parser = new IsoTimeParser();
    const times = ['2025-06-02T09:00:00.002829Z', '2025-06-02T09:00:07.9Z', '2025-06-02T09:00:59Z', 42];
    expect(times.map((time) => parser.parse(time))).toEqual([
      Date.parse('2025-06-02T09:00:00.002Z'),
      Date.parse('2025-06-02T09:00:07.900Z'),
      Date.parse('2025-06-02T09:00:59Z'),
      undefined,
    ]);
  });
});
