#!/usr/bin/env node
// Runs electronegativity (Doyensec) over the BUILT main process and preload (out/, after
// `electron-vite build`) and fails on any finding of medium or higher severity that is not in
// REVIEWED below, or on any file the scanner could not parse (unscanned code proves nothing).
// Also checks that the sandboxed preload is CommonJS requiring nothing but 'electron'.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = new URL('..', import.meta.url).pathname;

// Findings a person reviewed and accepted; each names the flagged code and why it is safe.
// A finding matches when its id is equal and the flagged source line contains `code`.
const REVIEWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    code: 'openCheckedExternal((url) => shell.openExternal(url)',
    why: 'electron/main/index.ts: the only shell.openExternal; it receives the normalized href of a URL that passed externalUrl (https on the linked Twilio hosts, mailto:support@sms-it.ai with a subject at most).',
  },
];

const failures = [];

// 1. The preload: a sandboxed preload can only require('electron') (and a few Node polyfills); ESM or
//    another require would fail at runtime, where no test here can see it.
const preload = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8');
const requires = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
if (/^\s*(import|export)\s/m.test(preload)) failures.push('out/preload/index.cjs contains ESM import/export');
for (const name of requires) if (name !== 'electron') failures.push(`out/preload/index.cjs requires "${name}"`);

// 2. electronegativity reads .js but not .cjs, and looks for the Electron version in a package.json:
//    scan a staging copy holding both built files.
const stage = mkdtempSync(join(tmpdir(), 'smsit-eng-'));
try {
  mkdirSync(join(stage, 'main'));
  mkdirSync(join(stage, 'preload'));
  cpSync(join(root, 'out/main/index.js'), join(stage, 'main/index.js'));
  writeFileSync(join(stage, 'preload/index.js'), preload);
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'scan', devDependencies: { electron: electronVersion } }));

  const result = await run({ input: stage, isRelative: true, electronVersionOverride: electronVersion });
  for (const error of result.errors) failures.push(`could not scan ${error.file}: ${error.message}`);
  let reviewed = 0;
  let below = 0;
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}`;
    if (issue.severity.value < 2) {
      below++;
      console.log(`  ${issue.severity.name.padEnd(13)} ${issue.id} ${where}`);
      continue;
    }
    const accepted = REVIEWED.find((r) => r.id === issue.id && String(issue.sample ?? '').includes(r.code));
    if (accepted) {
      reviewed++;
      console.log(`  reviewed      ${issue.id} ${where} — ${accepted.why}`);
    } else {
      failures.push(`${issue.severity.name} ${issue.id} at ${where}: ${String(issue.sample ?? issue.description).slice(0, 200)}`);
    }
  }
  console.log(
    `electronegativity ${result.globalChecks} global + ${result.atomicChecks} atomic checks over out/main and out/preload (Electron ${electronVersion}): ` +
      `${result.issues.length} findings — ${failures.length} failing, ${reviewed} reviewed, ${below} below medium`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}

if (failures.length) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
console.log(`preload: CommonJS, requires only ${JSON.stringify([...new Set(requires)])}`);
