// Turns the bytes of an input into text. UTF-8 (with or without a byte-order mark) is decoded without
// ever failing: invalid bytes become U+FFFD. Files that are plainly not text are refused, because
// "cleaning" an image or an archive would write garbage that looks like output.

/** How much of the start of a file is inspected for NUL bytes. */
const SNIFF_BYTES = 8192;

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export class NotTextError extends Error {
  override name = 'NotTextError';
}

export function decodeInput(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new NotTextError('binary file (contains NUL bytes), not text');
  return decoder.decode(bytes);
}
