import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** What a line-based reader is told about each line of a file. */
export interface LineHandler {
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
 * Opens a file as a stream of its content, gunzipped when it starts with the gzip magic bytes: flow logs are often
 * rotated to `.gz`, and exporters write compressed files under any name, so the content decides, not the name.
 */
export async function openContent(file: string): Promise<AsyncIterable<Buffer>> {
  const handle = await open(file, 'r');
  let gzipped: boolean;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    gzipped = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
  const source = createReadStream(file);
  if (!gzipped) return source;
  const gunzip = createGunzip();
  // `pipe` does not forward errors: a file that vanishes mid-read must still end the iteration with an error.
  source.on('error', (error) => gunzip.destroy(error));
  return source.pipe(gunzip);
}

/**
 * Reads up to `maxBytes` of a content stream and whether that was all of it. Used to look at the start of a file
 * (format detection) and to read formats that are parsed whole (JSON arrays, YAML) under a size bound. A stream that
 * breaks (a truncated gzip) gives what came before, and the error.
 */
export async function readPrefix(
  content: AsyncIterable<Buffer>,
  maxBytes: number,
): Promise<{ bytes: Buffer; complete: boolean; error?: Error }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of content) {
      chunks.push(chunk);
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

/**
 * Splits a content stream into lines and hands each to `handler` synchronously, so a million-line log costs no
 * promise per line. A line is decoded only once it is complete and within `maxLineBytes`; the bytes of a longer line
 * are dropped chunk by chunk. Throws only what the stream throws (unreadable file, corrupt gzip); lines handed over
 * before that stay handed over. Returns how many lines were seen.
 */
export async function forEachLine(
  content: AsyncIterable<Buffer>,
  maxLineBytes: number,
  handler: LineHandler,
): Promise<number> {
  let lineNumber = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;

  const emit = (last: Buffer, start: number, end: number, terminated: boolean) => {
    lineNumber++;
    if (overflow) {
      handler.tooLong(lineNumber);
    } else {
      const text =
        pending.length === 0
          ? last.toString('utf8', start, end)
          : Buffer.concat([...pending, last.subarray(start, end)]).toString('utf8');
      handler.line(cleanLine(text, lineNumber), lineNumber, terminated);
    }
    pending = [];
    pendingBytes = 0;
    overflow = false;
  };

  for await (const chunk of content) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline;
      if (!overflow && pendingBytes + (end - start) > maxLineBytes) {
        overflow = true;
        pending = [];
        pendingBytes = 0;
      }
      if (newline < 0) {
        if (!overflow) {
          pending.push(chunk.subarray(start, end));
          pendingBytes += end - start;
        }
        break;
      }
      emit(chunk, start, end, true);
      start = newline + 1;
    }
  }
  if (pendingBytes > 0 || overflow) emit(Buffer.alloc(0), 0, 0, false);
  return lineNumber;
}

/** Drops a Windows line end and, on the first line, a byte-order mark. */
function cleanLine(text: string, lineNumber: number): string {
  let cleaned = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (lineNumber === 1 && cleaned.charCodeAt(0) === 0xfeff) cleaned = cleaned.slice(1);
  return cleaned;
}
