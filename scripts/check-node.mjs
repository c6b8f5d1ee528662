#!/usr/bin/env node
// The one Node.js version check: package.json "engines.node" is the only place the supported
// versions are written (README and .ci/run point at it). Run as a script it exits 1 with one
// sentence on an unsupported Node; imported, `checkNode()` returns that sentence or null.
// Only the range forms package.json uses are understood: "^X.Y.Z" and ">=X.Y.Z", joined by "||".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const parse = (version) => version.replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
const atLeast = (have, want) => {
  for (let i = 0; i < 3; i += 1) if (have[i] !== want[i]) return have[i] > want[i];
  return true;
};

/** Whether `version` (like "v20.19.0") is in `range` (like "^20.19.0 || >=22.12.0"). */
export function satisfies(version, range) {
  const have = parse(version);
  return range.split('||').some((part) => {
    const term = part.trim();
    if (term.startsWith('^')) {
      const want = parse(term.slice(1));
      return have[0] === want[0] && atLeast(have, want);
    }
    if (term.startsWith('>=')) return atLeast(have, parse(term.slice(2).trim()));
    throw new Error(`scripts/check-node.mjs does not understand the engines range "${term}".`);
  });
}

/** The engines range of package.json. */
export function supportedRange() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
}

/** null on a supported Node, else the one sentence to show. */
export function checkNode(version = process.version) {
  const range = supportedRange();
  if (satisfies(version, range)) return null;
  const readable = range.replace(/\^(\d+\.\d+)\.0/g, '$1+').replace(/>=(\d+\.\d+)\.0/g, '$1+').replace(/\s*\|\|\s*/g, ' or ');
  return `SMS-iT Twilio Credentials needs Node.js ${readable} (package.json "engines"), and this is Node ${version}: install a supported Node.js from https://nodejs.org, then run the command again.`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problem = checkNode();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
