// Turns the bytes of an input into text, whatever encoding the page was saved in, without ever failing on
// bad bytes: they become U+FFFD and the file is still cleaned. Files that are plainly not text (images,
// archives, PDFs, anything with NUL bytes) are refused, because "cleaning" them would write garbage that
// looks like output.
//
// The order of the checks is the decision:
//   1. a known binary signature (PNG, JPEG, ZIP, PDF, …)       → refused
//   2. --encoding NAME                                         → decoded as NAME
//   3. a byte-order mark (UTF-8, UTF-16 LE/BE)                 → decoded as the mark says
//   4. a NUL byte in the first 8 KB                            → refused (UTF-16 without a mark lands here)
//   5. valid UTF-8, or UTF-8 with a few bad bytes              → UTF-8, bad bytes as U+FFFD
//   6. anything else                                           → the encoding chardet detects, else UTF-8
// chardet and iconv-lite are loaded only for steps 2, 3 (UTF-16) and 6, so plain UTF-8 input, nearly all
// input, costs neither their load time nor a second pass over the bytes.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

/** How much of the start of a file is inspected for NUL bytes. */
const SNIFF_BYTES = 8192;
/** How many bytes chardet reads: enough for its statistics, and it costs ~10 ms per 64 KB. */
const DETECT_SAMPLE_BYTES = 65536;
/** Text before the first non-UTF-8 byte that goes into chardet's sample, for its letter statistics. */
const DETECT_LEAD_BYTES = 4096;
/**
 * UTF-8 with at most one bad sequence per this many well-formed non-ASCII characters is UTF-8 with some
 * damage (a truncated download, one pasted Latin-1 word), not a legacy encoding: decoding it as Latin-1
 * would turn every correct character into mojibake to rescue a few broken ones.
 */
const DAMAGED_UTF8_RATIO = 4;

/**
 * Binary formats recognised by their first bytes; `at` is the offset of the signature. A signature at an
 * offset also needs the bytes its format puts first (`start`): text can hold "WEBP" at byte 8 ("Convert
 * WEBP images") or "ustar" at byte 257 ("mustard"), and such a page or JSON Lines file is no image.
 */
const SIGNATURES: readonly { name: string; bytes: readonly number[]; at?: number; start?: readonly number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
  { name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], at: 8, start: [0x52, 0x49, 0x46, 0x46] }, // RIFF....WEBP
  { name: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ICO image', bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] }, // also docx, xlsx, epub, jar
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'bzip2 archive', bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], at: 4, start: [0x42, 0x5a, 0x68] }, // BZh9 then the digits of pi
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  // "ustar" and a NUL (POSIX) or two spaces and a NUL (GNU); a header's name field is padded with NULs anyway.
  { name: 'tar archive', bytes: [0x75, 0x73, 0x74, 0x61, 0x72, 0x00], at: 257 },
  { name: 'tar archive', bytes: [0x75, 0x73, 0x74, 0x61, 0x72, 0x20, 0x20, 0x00], at: 257 },
  { name: 'MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], at: 4, start: [0x00] }, // ....ftyp, after the box's size (< 16 MB)
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x00] },
];

const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** The input is not text; the message says what it looks like. */
export class NotTextError extends Error {
  override name = 'NotTextError';
}

export interface DecodeOptions {
  /** Decode as this encoding (any name iconv-lite knows) instead of detecting one. */
  encoding?: string;
}

export interface Decoded {
  text: string;
  /** The encoding the text was decoded from, as iconv-lite or the WHATWG decoder names it. */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): string {
  return decodeBytes(bytes, options).text;
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const signature = binarySignature(bytes);
  if (signature) throw new NotTextError(`binary file (${signature}), not text`);

  if (options.encoding !== undefined) return decodeAs(bytes, options.encoding);

  const bom = bomEncoding(bytes);
  if (bom === 'utf-8') return { text: utf8.decode(bytes), encoding: 'utf-8' };
  if (bom) return decodeAs(bytes, bom);

  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new NotTextError('binary file (contains NUL bytes), not text');

  if (isUtf8(bytes)) return { text: utf8.decode(bytes), encoding: 'utf-8' };
  const asUtf8 = utf8.decode(bytes);
  if (isDamagedUtf8(asUtf8)) return { text: asUtf8, encoding: 'utf-8' };
  const detected = detectEncoding(bytes);
  return detected ? decodeAs(bytes, detected) : { text: asUtf8, encoding: 'utf-8' };
}

/** Whether iconv-lite can decode `name`: --encoding accepts exactly these names. */
/** The encoding that the byte-order mark `bytes` start with names (utf-8, utf-16le, utf-16be), if any. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find((b) => startsWith(bytes, b.bytes, 0))?.encoding;
}

/** The kind of binary file `bytes` start like (a PNG image, gzip, …), if any. */
export function binarySignature(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes, s.at ?? 0) && (s.start === undefined || startsWith(bytes, s.start, 0)))?.name;
}

/**
 * Why the start of a JSON Lines input shows it is no text (a known signature, or a NUL byte, which JSON
 * writes as \u0000), if it does; `head` is its first bytes, as many as binarySignature and the NUL test need.
 */
export function binaryKind(head: Uint8Array): string | undefined {
  return binarySignature(head) ?? (head.subarray(0, SNIFF_BYTES).includes(0) ? 'contains NUL bytes' : undefined);
}

/** Bytes binaryKind looks at: the longest signature's reach and the NUL test's. */
export const BINARY_HEAD_BYTES = SNIFF_BYTES;

export function isKnownEncoding(name: string): boolean {
  return iconv().encodingExists(name);
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  // iconv-lite drops a byte-order mark and turns bytes that mean nothing in the encoding into U+FFFD;
  // toWellFormed() does the same for the lone surrogates a damaged UTF-16 file decodes to.
  const text = toWellFormed(iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding));
  return { text, encoding: encoding.toLowerCase() };
}

/** UTF-8 text whose bad sequences are few next to its good non-ASCII characters. */
function isDamagedUtf8(text: string): boolean {
  let replaced = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) nonAscii++;
  }
  return nonAscii >= replaced * DAMAGED_UTF8_RATIO;
}

/** chardet's best guess on a sample around the first byte that is not UTF-8, as an iconv-lite name. */
function detectEncoding(bytes: Uint8Array): string | undefined {
  const firstHigh = bytes.findIndex((b) => b > 0x7f);
  const start = Math.max(0, firstHigh - DETECT_LEAD_BYTES);
  const detected = chardet().detect(bytes.subarray(start, start + DETECT_SAMPLE_BYTES));
  if (!detected) return undefined;
  // Labels for ISO-8859-1 mean windows-1252, as in every browser (WHATWG Encoding): it is a superset whose
  // extra characters (curly quotes, dashes, €) are what Latin-1 pages actually contain at 0x80–0x9F.
  const name = /^(?:iso-8859-1|ascii|us-ascii)$/iu.test(detected) ? 'windows-1252' : detected;
  return iconv().encodingExists(name) ? name : undefined;
}

/** Lone surrogates replaced by U+FFFD (String.prototype.toWellFormed, which lib ES2023 does not declare). */
function toWellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at: number): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

// Loaded on first use (see the top of the file). Both are CommonJS, so require() loads them synchronously
// and decodeInput stays a plain function.
const require = createRequire(import.meta.url);
type Iconv = typeof import('iconv-lite');
type Chardet = typeof import('chardet');
let iconvModule: Iconv | undefined;
let chardetModule: Chardet | undefined;
function iconv(): Iconv {
  return (iconvModule ??= require('iconv-lite') as Iconv);
}
function chardet(): Chardet {
  return (chardetModule ??= require('chardet') as Chardet);
}
