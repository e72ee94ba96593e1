import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** What a line-based reader is told about each line of a file. */
export interface LineHandler {
  /**
   * An optional first look at a line's bytes, `bytes[start, end)` without its line break, Windows line end or
   * byte-order mark, before the line is decoded: returning true means the line is dealt with and `line` is not
   * called. Decoding and parsing are most of the cost of a large log, and some lines can be told apart on their
   * bytes alone. The bytes are only valid during the call.
   */
  rawLine?(bytes: Buffer, start: number, end: number, lineNumber: number): boolean;
  /**
   * One line without its line break. `terminated` is false for a last line that ends without a line break, which
   * is how a log cut off mid-write looks.
   */
  line(text: string, lineNumber: number, terminated: boolean): void;
  /** A line longer than the limit: its bytes were dropped as they came, never held whole. */
  tooLong(lineNumber: number): void;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Bytes read (or decompressed) at a time. Large chunks keep the reader busy between reads and make lines that span
 * two chunks (and must be copied together) rare.
 */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Opens a file as a stream of its content, gunzipped when it starts with the gzip magic bytes: flow logs are often
 * rotated to `.gz`, and exporters write compressed files under any name, so the content decides, not the name.
 * A chunk is only valid until the next one is asked for: an uncompressed file is read into two buffers in turn.
 */
export async function openContent(
  file: string,
  maxDecompressedBytes = Number.POSITIVE_INFINITY,
): Promise<AsyncIterable<Buffer>> {
  const handle = await open(file, 'r');
  let gzipped: boolean;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    gzipped = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
  if (!gzipped) return readChunks(file);
  const source = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  // `pipe` does not forward errors: a file that vanishes mid-read must still end the iteration with an error.
  source.on('error', (error) => gunzip.destroy(error));
  return boundedBytes(source.pipe(gunzip), maxDecompressedBytes);
}

/**
 * A small file can decompress to terabytes: past `maxBytes` the iteration ends with an error naming the limit
 * (leaving the loop destroys the stream, so nothing more is decompressed).
 */
async function* boundedBytes(content: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of content) {
    size += chunk.length;
    if (size > maxBytes) {
      // What came before the bound is read, so the file is recognised and its first records count.
      yield chunk.subarray(0, chunk.length - (size - maxBytes));
      throw new Error(`decompresses to more than ${maxBytes} bytes (limit maxDecompressedBytes)`);
    }
    yield chunk;
  }
}

/**
 * A file's bytes in chunks, reading the next chunk while the caller works on the current one. Two buffers are used
 * in turn rather than a new one per chunk: fresh memory for every chunk of a large log costs more than reading it.
 */
async function* readChunks(file: string): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  let position = 0;
  const readInto = (buffer: Buffer) => handle.read(buffer, 0, buffer.length, position);
  let spare: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let next: ReturnType<typeof readInto> | undefined = readInto(Buffer.allocUnsafe(CHUNK_BYTES));
  try {
    for (;;) {
      const { bytesRead, buffer } = await next;
      next = undefined;
      if (bytesRead === 0) return;
      position += bytesRead;
      next = readInto(spare);
      spare = buffer;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // A caller that stops early leaves a read under way: it must end (and any error be dropped) before closing.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Reads up to `maxBytes` of a content stream and whether that was all of it. Used to look at the start of a file
 * (format detection) and to read formats that are parsed whole (JSON arrays, YAML) under a size bound. A stream that
 * breaks (a truncated gzip) gives what came before, and the error. With `skipLeadingBlanks`, the spaces, tabs and
 * line breaks the content starts with are neither kept nor counted.
 */
export async function readPrefix(
  content: AsyncIterable<Buffer>,
  maxBytes: number,
  options: { skipLeadingBlanks?: boolean } = {},
): Promise<{ bytes: Buffer; complete: boolean; error?: Error }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let skipping = options.skipLeadingBlanks ?? false;
  try {
    for await (const whole of content) {
      let chunk = whole;
      if (skipping) {
        const start = firstNonBlank(chunk);
        if (start === chunk.length) continue;
        chunk = chunk.subarray(start);
        skipping = false;
      }
      // Copied: a chunk is only valid until the next one.
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
      if (size > maxBytes) {
        // Leaving the loop early destroys the stream, so nothing more is read or decompressed.
        return { bytes: Buffer.concat(chunks).subarray(0, maxBytes), complete: false };
      }
    }
  } catch (error) {
    return { bytes: Buffer.concat(chunks), complete: false, error: error as Error };
  }
  return { bytes: Buffer.concat(chunks), complete: true };
}

/** The offset of the first byte that is not a space, tab, CR or LF (the length when there is none). */
function firstNonBlank(chunk: Buffer): number {
  let offset = 0;
  while (offset < chunk.length && BLANKS.has(chunk[offset] ?? 0)) offset++;
  return offset;
}

const BLANKS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;

/**
 * Splits a content stream into lines and hands each to `handler` synchronously, so a million-line log costs no
 * promise per line. A line within a chunk is handed over where it lies, without a copy; only a line that spans
 * chunks is copied together (chunks need only stay valid until the next one is asked for). A line is decoded only
 * once it is complete, within `maxLineBytes` and not taken by `rawLine`; the bytes of a longer line are dropped
 * chunk by chunk. Throws only what the stream throws (unreadable file, corrupt gzip); lines handed over before that
 * stay handed over. Once `signal` aborts, the rest is not read. Returns how many lines were seen.
 */
export async function forEachLine(
  content: AsyncIterable<Buffer>,
  maxLineBytes: number,
  handler: LineHandler,
  signal?: AbortSignal,
): Promise<number> {
  let lineNumber = 0;
  /** The start of a line that began in an earlier chunk. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;

  const emit = (bytes: Buffer, start: number, end: number, terminated: boolean) => {
    lineNumber++;
    if (overflow) {
      overflow = false;
      handler.tooLong(lineNumber);
      return;
    }
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    if (lineNumber === 1 && startsWithByteOrderMark(bytes, start, end)) start += BYTE_ORDER_MARK.length;
    if (handler.rawLine?.(bytes, start, end, lineNumber)) return;
    handler.line(bytes.toString('utf8', start, end), lineNumber, terminated);
  };
  const takePending = (last?: Buffer): Buffer => {
    const line = Buffer.concat(last ? [...pending, last] : pending);
    pending = [];
    pendingBytes = 0;
    return line;
  };

  for await (const chunk of content) {
    if (signal?.aborted) return lineNumber;
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LINE_FEED, start);
      const end = newline < 0 ? chunk.length : newline;
      if (!overflow && pendingBytes + (end - start) > maxLineBytes) {
        overflow = true;
        pending = [];
        pendingBytes = 0;
      }
      if (newline < 0) {
        if (!overflow) {
          pending.push(Buffer.from(chunk.subarray(start, end)));
          pendingBytes += end - start;
        }
        break;
      }
      if (pending.length === 0) {
        emit(chunk, start, end, true);
      } else {
        const line = takePending(chunk.subarray(start, end));
        emit(line, 0, line.length, true);
      }
      start = newline + 1;
    }
  }
  if (pendingBytes > 0 || overflow) {
    const line = takePending();
    emit(line, 0, line.length, false);
  }
  return lineNumber;
}

function startsWithByteOrderMark(bytes: Buffer, start: number, end: number): boolean {
  return (
    end - start >= BYTE_ORDER_MARK.length &&
    bytes[start] === BYTE_ORDER_MARK[0] &&
    bytes[start + 1] === BYTE_ORDER_MARK[1] &&
    bytes[start + 2] === BYTE_ORDER_MARK[2]
  );
}
