// What a wrong argument is, in the library's messages: strip() and its helpers name a value of the wrong
// type the same way ("not a number", "not null", "not a Uint8Array").

/** "a number", "null", "an array", "a Uint8Array": what a wrong argument is, for the message. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return `a ${typeof value}`;
}
