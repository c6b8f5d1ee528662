/**
 * `.env` files read the way the `dotenv` package reads them (its LINE pattern, quote and escape
 * rules, CRLF, `export` prefixes, comments, last definition wins), with the place of each
 * definition in the file kept, so a secret's line can be taken out and every other byte left.
 */

/** dotenv's own line pattern (dotenv 16–18 `LINE`), with match indices. */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

/** One `NAME=value` of a .env file; `start`/`end` are the whole lines it spans in the original text (line ends included). */
export interface DotenvDefinition {
  name: string;
  value: string;
  start: number;
  end: number;
}

/** The value as dotenv gives it: trimmed, outer quotes removed, \n and \r expanded inside double quotes. */
function dotenvValue(raw: string): string {
  let value = raw.trim();
  const quote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

/** Every definition in `text` in file order (later ones win, as in dotenv). */
export function readDotenv(text: string): DotenvDefinition[] {
  // dotenv turns CRLF and lone CR into LF first; `original[i]` keeps where each kept character was.
  const original: number[] = [];
  let normalized = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    original.push(i);
    normalized += text[i] === '\r' ? '\n' : text[i];
  }
  original.push(text.length);
  const lineEndAfter = (at: number) => {
    const newline = normalized.indexOf('\n', at);
    if (newline < 0) return text.length;
    const where = original[newline]!;
    return text[where] === '\r' && text[where + 1] === '\n' ? where + 2 : where + 1;
  };
  const definitions: DotenvDefinition[] = [];
  for (const match of normalized.matchAll(LINE)) {
    const [keyStart] = match.indices![1]!;
    const valueEnd = match.indices![2]?.[1] ?? match.indices![1]![1];
    const lineStart = normalized.lastIndexOf('\n', keyStart - 1) + 1;
    definitions.push({ name: match[1]!, value: dotenvValue(match[2] ?? ''), start: original[lineStart]!, end: lineEndAfter(Math.max(valueEnd - 1, keyStart)) });
  }
  return definitions;
}

/** The variables of a .env text as dotenv would set them. */
export function dotenvVariables(text: string): Record<string, string> {
  return Object.fromEntries(readDotenv(text).map((definition) => [definition.name, definition.value]));
}

/** `text` without the lines that define `name` to `value` (every such line, compared trimmed; other bytes untouched). */
export function withoutDefinition(text: string, name: string, value: string): string {
  const doomed = readDotenv(text).filter((definition) => definition.name === name && definition.value.trim() === value.trim());
  let result = '';
  let at = 0;
  for (const definition of doomed) {
    result += text.slice(at, definition.start);
    at = definition.end;
  }
  return result + text.slice(at);
}
