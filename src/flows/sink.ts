import { FlowAggregator, type FlowEntry, type TimedFlow } from './aggregate.js';
import { L7Aggregator, type L7Record } from './l7.js';
import type { FlowReadStats } from './types.js';

/** Where a reader puts what it makes of each line of one file. */
export interface FlowSink {
  /** A record that counts: aggregated at once. */
  add(flow: TimedFlow): FlowEntry;
  /**
   * An L7 record (an HTTP request, a DNS question or answer the proxy saw): aggregated apart from connections. With
   * `connection`, the request is also the first record of the connection it went over, which is counted (the line
   * is then one of the records) and returned.
   */
  addL7(record: L7Record, connection?: TimedFlow): FlowEntry | undefined;
  /** An entry a reader held back until every file was read. */
  merge(entry: FlowEntry): void;
  /** Valid records that stand for no new connection (replies, non-L4 records, duplicates). */
  ignore(records?: number): void;
  /**
   * Takes back one record `add` counted into `entry`: a later record of the same connection says what it counts as
   * (a drop further along the path). The record then stands for no connection, as an ignored one.
   */
  withdraw(entry: FlowEntry): void;
  /** A valid record a reader holds back until every file was read (then merged or ignored, elsewhere). */
  hold(): void;
  /** A line that is not a flow of its format; `line` 0 is about the whole file. */
  skip(line: number, reason: string): void;
}

/** A reader of one line-based format. One instance serves every file of a run, so state can span files. */
export interface FlowLineReader {
  /**
   * An optional look at a line's bytes before it is decoded (see `LineHandler.rawLine`): true when the line is dealt
   * with, and `line` is then not called.
   */
  rawLine?(bytes: Buffer, start: number, end: number, sink: FlowSink): boolean;
  line(text: string, lineNumber: number, terminated: boolean, sink: FlowSink): void;
}

/** The aggregation and counters of one `readFlows` call. */
export class ReadRun {
  readonly aggregator: FlowAggregator;
  readonly l7: L7Aggregator;
  readonly stats: FlowReadStats = { records: 0, skipped: 0, ignored: 0, skippedSamples: [] };
  /** Valid records (counted, ignored or held) per file given: a file with none was not read at all. */
  private readonly validRecords = new Map<string, number>();

  constructor(
    private readonly maxSkippedSamples: number,
    maxDistinctFlows?: number,
  ) {
    this.aggregator = new FlowAggregator(maxDistinctFlows);
    this.l7 = new L7Aggregator(this.aggregator);
  }

  /** The files given (in order) that held no valid record: empty, unreadable, not flows, or only broken lines. */
  filesWithoutRecords(): string[] {
    return [...this.validRecords].filter(([file, count]) => file !== '' && count === 0).map(([file]) => file);
  }

  sinkFor(file: string): FlowSink {
    if (!this.validRecords.has(file)) this.validRecords.set(file, 0);
    const valid = (records: number) =>
      this.validRecords.set(file, (this.validRecords.get(file) ?? 0) + records);
    return {
      add: (flow) => {
        this.stats.records++;
        valid(1);
        return this.aggregator.add(flow);
      },
      addL7: (record, connection) => {
        valid(1);
        this.l7.add(record);
        if (connection) {
          this.stats.records++;
          return this.aggregator.add(connection);
        }
        this.stats.l7 = (this.stats.l7 ?? 0) + 1;
        return undefined;
      },
      merge: (entry) => {
        this.stats.records += entry.records;
        valid(entry.records);
        this.aggregator.merge(entry);
      },
      ignore: (records = 1) => {
        this.stats.ignored += records;
        valid(records);
      },
      withdraw: (entry) => {
        this.stats.records--;
        this.stats.ignored++;
        entry.count--;
        entry.records--;
      },
      hold: () => valid(1),
      skip: (line, reason) => {
        this.stats.skipped++;
        if (this.stats.skippedSamples.length < this.maxSkippedSamples) {
          this.stats.skippedSamples.push({ file, line, reason });
        }
      },
    };
  }
}
