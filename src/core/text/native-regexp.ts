// Regular expressions compiled straight to machine code on their first use.
//
// V8 compiles a pattern when it first runs: to bytecode for an interpreter, and to machine code only
// when it runs again. For the long alternations of the rules, the bytecode step is the costly one: it
// took several times as long as the machine-code compilation, so a one-file run spent about a third of
// its cleaning time compiling patterns twice. V8 skips the bytecode step when the first subject is long
// (1,000 code units or more: a pattern run on long text is worth compiling properly), so each pattern is
// first run once on such a text, which no pattern here can match far into: it starts with a control
// character no rule looks for. The answer is thrown away; only the compiled code is kept.
//
// V8 also compiles a pattern separately for the two ways it stores strings: one byte per character, when
// every character is up to U+00FF, or two. A line cut from a page that holds one character above U+00FF (a
// curly quote, a dash: most pages) is stored in two bytes even when the line itself is plain ASCII. So the
// long text is the real subject appended to LONG_SUBJECT, which V8 stores as it stores the subject: the code
// compiled is the code that subject, and the lines like it, run. A long text of its own, always stored in
// one byte, made V8 compile most patterns twice on most pages, the first time for nothing (a one-byte
// compilation is also the cheap one: alternatives with other characters cannot match and are left out).
//
// Should a V8 version compile differently, this costs one failed match per pattern and process.

/** 1,000 code units: V8's threshold for compiling a pattern to machine code on its first run. */
const LONG_SUBJECT = '\u0001'.repeat(1000);

/**
 * Compiles `pattern` to machine code now (see above) for strings stored as `subject` is, leaving its
 * lastIndex as it was; returns it.
 */
export function compileNatively<T extends RegExp>(pattern: T, subject: string): T {
  const lastIndex = pattern.lastIndex;
  pattern.test(LONG_SUBJECT + subject);
  pattern.lastIndex = lastIndex;
  return pattern;
}

/**
 * `pattern`, compiled to machine code the first time the returned function is called, for the subject it
 * is given then (the string the pattern is about to run on).
 */
export function nativeOnFirstUse<T extends RegExp>(pattern: T): (subject: string) => T {
  let compiled = false;
  return (subject) => {
    if (!compiled) {
      compileNatively(pattern, subject);
      compiled = true;
    }
    return pattern;
  };
}

/**
 * A pattern made from `source` and compiled to machine code the first time the returned function is
 * called: for a pattern that few pages need and whose very construction is costly (each Unicode property
 * class is built when the pattern is made; eight of them took 0.8 ms of every run).
 */
export function patternOnFirstUse(source: string, flags: string): (subject: string) => RegExp {
  let pattern: RegExp | undefined;
  return (subject) => (pattern ??= compileNatively(new RegExp(source, flags), subject));
}
