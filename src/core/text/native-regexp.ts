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
// Should a V8 version compile differently, this costs one failed match per pattern and process.

/** 1,000 code units: V8's threshold for compiling a pattern to machine code on its first run. */
const LONG_SUBJECT = '\u0001'.repeat(1000);

/** Compiles `pattern` to machine code now (see above), leaving its lastIndex as it was; returns it. */
export function compileNatively<T extends RegExp>(pattern: T): T {
  const lastIndex = pattern.lastIndex;
  pattern.test(LONG_SUBJECT);
  pattern.lastIndex = lastIndex;
  return pattern;
}

/** `pattern`, compiled to machine code the first time the returned function is called. */
export function nativeOnFirstUse<T extends RegExp>(pattern: T): () => T {
  let compiled = false;
  return () => {
    if (!compiled) {
      compileNatively(pattern);
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
export function patternOnFirstUse(source: string, flags: string): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= compileNatively(new RegExp(source, flags)));
}
