/**
 * Tells whether a line's bytes contain one of a few ASCII markers, without decoding the line: for a large log, a
 * search on the bytes costs a fraction of decoding and `JSON.parse`. The markers share an anchor, a short string
 * whose first byte is rare in the input, which `Buffer.indexOf` finds at memchr speed; each anchor found is then
 * compared with the markers around it. ASCII bytes are the same in any UTF-8 text and never part of a multi-byte
 * character, so a marker is in the bytes exactly when it is in the decoded text.
 *
 * Lines are asked about in order, so the next anchor found past one line is remembered for the lines after it: a
 * chunk is searched once, however its lines fall. What is remembered belongs to the buffer object asked about, so a
 * buffer's bytes must not change between two questions about it (a reused buffer comes back as a new view).
 */
export class MarkerSearch {
  private readonly anchor: Buffer;
  private readonly markers: readonly { bytes: Buffer; anchorOffset: number }[];
  /** The buffer last searched, where that search started and the first anchor at or after it (-1: none). */
  private searched: Buffer | undefined;
  private searchedFrom = 0;
  private nextAnchor = -1;

  constructor(anchor: string, markers: readonly string[]) {
    this.anchor = Buffer.from(anchor, 'latin1');
    this.markers = markers.map((marker) => {
      const anchorOffset = marker.indexOf(anchor);
      // A programming error, caught by any test that reads a log.
      if (anchorOffset < 0) throw new Error(`marker ${marker} does not contain its anchor ${anchor}`);
      return { bytes: Buffer.from(marker, 'latin1'), anchorOffset };
    });
  }

  /** Whether one of the markers lies wholly within `bytes[start, end)`. */
  foundIn(bytes: Buffer, start: number, end: number): boolean {
    return this.firstIn(bytes, start, end) >= 0;
  }

  /** Which marker (its index) lies wholly within `bytes[start, end)` at the first anchor one does; -1 for none. */
  firstIn(bytes: Buffer, start: number, end: number): number {
    for (let anchor = this.firstAnchorFrom(bytes, start); anchor >= 0 && anchor < end;) {
      for (let index = 0; index < this.markers.length; index++) {
        const marker = this.markers[index]!;
        const markerStart = anchor - marker.anchorOffset;
        if (
          markerStart >= start &&
          markerStart + marker.bytes.length <= end &&
          isAt(bytes, markerStart, marker.bytes)
        )
          return index;
      }
      anchor = this.firstAnchorFrom(bytes, anchor + 1);
    }
    return -1;
  }

  private firstAnchorFrom(bytes: Buffer, from: number): number {
    const remembered =
      bytes === this.searched &&
      from >= this.searchedFrom &&
      (this.nextAnchor < 0 || this.nextAnchor >= from);
    if (!remembered) {
      this.searched = bytes;
      this.searchedFrom = from;
      this.nextAnchor = bytes.indexOf(this.anchor, from);
    }
    return this.nextAnchor;
  }
}

/** Whether `bytes` holds `marker` at `offset` (compared here: a native call costs more for a dozen bytes). */
function isAt(bytes: Buffer, offset: number, marker: Buffer): boolean {
  for (let index = 0; index < marker.length; index++) {
    if (bytes[offset + index] !== marker[index]) return false;
  }
  return true;
}
