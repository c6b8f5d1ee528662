/**
 * Where one member (`"key": value`) of a JSON text is, by its path of object keys, so a file
 * can be changed in that one place and stay byte for byte the same everywhere else.
 * A scanner, not a parser: callers parse the text with JSON.parse first (so it is valid JSON).
 */

/** The span of `"key": value` in the text: [start, end). */
export interface MemberSpan {
  start: number;
  end: number;
}

const WHITESPACE = /[ \t\r\n]/;

class Scanner {
  constructor(
    private readonly text: string,
    public at = 0,
  ) {}

  skipSpace(): void {
    while (WHITESPACE.test(this.text[this.at] ?? '')) this.at += 1;
  }

  /** Skips a string starting at `at` and returns its decoded value. */
  string(): string {
    const start = this.at;
    this.at += 1;
    while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at += 1;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  /** Skips any value; for objects, calls `member` for each member with its key and span. */
  value(member?: (key: string, span: MemberSpan, valueStart: number) => void): void {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '"') return void this.string();
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      this.at += 1;
      this.skipSpace();
      while (this.text[this.at] !== close) {
        if (char === '{') {
          const start = this.at;
          const key = this.string();
          this.skipSpace();
          this.at += 1; // ':'
          this.skipSpace();
          const valueStart = this.at;
          this.value();
          member?.(key, { start, end: this.at }, valueStart);
        } else {
          this.value();
        }
        this.skipSpace();
        if (this.text[this.at] === ',') this.at += 1;
        this.skipSpace();
      }
      this.at += 1;
      return;
    }
    while (this.at < this.text.length && !/[,\]}\s]/.test(this.text[this.at]!)) this.at += 1; // number, true, false, null
  }
}

/** The span of the member at `path` (object keys from the top; the last of duplicate keys, as JSON.parse takes), or null. */
export function memberSpan(text: string, path: readonly string[]): MemberSpan | null {
  let valueStart = 0;
  let found: MemberSpan | null = null;
  for (const key of path) {
    found = null;
    let nextStart = -1;
    new Scanner(text, valueStart).value((memberKey, span, start) => {
      if (memberKey === key) {
        found = span;
        nextStart = start;
      }
    });
    if (found === null) return null;
    valueStart = nextStart;
  }
  return found;
}
