/**
 * `smsit-twilio import`: finds Twilio secrets in plain files (twilio-cli's config, .env files) and
 * the environment, lists them without their secrets, and moves the chosen ones into the keychain —
 * verified first, duplicates reported, the plain copy removed with --scrub.
 */
import { createInterface } from 'node:readline';
import { findCredentials } from '../../core/import/find-credentials';
import type { FoundCredential } from '../../core/import/found-credential';
import { duplicateOf, importCredential, type ImportOutcome } from '../../core/import/import-credential';
import { twilioCliConfigPathIn } from '../../core/import/twilio-cli-config';
import type { AccountRecord } from '../../core/registry/registry-schema';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand, type CliEnv } from '../cli-command';
import { printJson } from '../cli-output';
import { EXIT_OK, exitCodeFor } from '../exit-codes';

const OPTIONS = {
  'twilio-cli-config': { type: 'string' },
  'env-file': { type: 'string', multiple: true },
  'no-environment': { type: 'boolean' },
  all: { type: 'boolean' },
  name: { type: 'string' },
  scrub: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Where a credential was found, for people. */
export function sourceLabel(found: FoundCredential): string {
  if (found.kind === 'twilio-cli') return `twilio-cli profile "${found.profileId}" in ${found.path}`;
  if (found.kind === 'environment') return 'the environment (TWILIO_* variables)';
  return `${found.path}`;
}

/** A found credential without its secret, for --json. */
function foundJson(found: FoundCredential, number: number, accounts: readonly AccountRecord[]) {
  const { kind, path, profileId, accountSid, authType, apiKeySid, region, edge, suggestedName } = found;
  return { number, source: kind, path, profileId, accountSid, authType, apiKeySid, region, edge, suggestedName, duplicateOf: duplicateOf(found, accounts)?.name ?? null };
}

function printFound(cli: CliEnv, found: FoundCredential[], notes: string[], accounts: readonly AccountRecord[]): void {
  const out = cli.io.stdout;
  out.write(found.length === 0 ? 'No Twilio credentials found.\n' : `Found ${found.length} Twilio credential${found.length === 1 ? '' : 's'} (secrets not shown):\n`);
  found.forEach((item, index) => {
    const what = item.authType === 'apiKey' ? `API key ${item.apiKeySid}` : 'Auth Token';
    const place = item.region ? `  region ${item.region}${item.edge ? `/${item.edge}` : ''}` : '';
    const duplicate = duplicateOf(item, accounts);
    out.write(`  ${index + 1}  ${sourceLabel(item)}\n     ${item.accountSid}  ${what}${place}${duplicate ? `  — already saved as "${duplicate.name}"` : ''}\n`);
  });
  for (const note of notes) out.write(`Note: ${note}\n`);
}

/** The found credentials the arguments choose: --all, or numbers from the list and twilio-cli profile IDs. */
function chosen(found: FoundCredential[], refs: string[], all: boolean): FoundCredential[] {
  if (all) return found;
  return refs.map((ref) => {
    const byNumber = /^\d+$/.test(ref) ? found[Number(ref) - 1] : undefined;
    const byName = found.find((item) => item.profileId === ref);
    const match = byNumber ?? byName;
    if (!match) throw new UsageError(`"${ref}" is neither a number from the list nor a twilio-cli profile ID that was found.`);
    return match;
  });
}

/** On a terminal, asks for the name (Enter keeps the suggestion); from a pipe, takes the suggestion. */
async function askName(cli: CliEnv, found: FoundCredential): Promise<string | undefined> {
  if (found.kind === 'twilio-cli' || !cli.io.stdin.isTTY) return undefined;
  const lines = createInterface({ input: cli.io.stdin, output: cli.io.stderr as NodeJS.WritableStream, terminal: false });
  const answer = await new Promise<string>((resolve) => lines.question(`Name for the credential from ${sourceLabel(found)} [${found.suggestedName}]: `, resolve));
  lines.close();
  return answer.trim() || undefined;
}

function printOutcome(cli: CliEnv, found: FoundCredential, number: number, outcome: ImportOutcome): void {
  const label = `${number} (${sourceLabel(found)})`;
  if (outcome.status === 'duplicate') {
    cli.io.stdout.write(`${label}: already saved as "${outcome.existing}" (same Account SID and key SID); not saved again.\n`);
    return;
  }
  if (outcome.status === 'failed') {
    cli.io.stderr.write(`${label}: not imported. ${outcome.error.message}\n`);
    return;
  }
  cli.io.stdout.write(`${label}: verified with Twilio and saved as "${outcome.account.name}"; its secret is in the system keychain.\n`);
  if (outcome.scrubbed === true) {
    cli.io.stdout.write(found.kind === 'twilio-cli' ? `   Removed its apiSecret from ${found.path} (a note says where it is now).\n` : `   Removed the ${found.secretKey} line from ${found.path}.\n`);
  } else if (outcome.scrubbed !== false) {
    cli.io.stderr.write(`   Not scrubbed: ${outcome.scrubbed.message}\n`);
  } else if (found.kind !== 'environment') {
    cli.io.stdout.write(`   ${found.path} still holds the secret in clear; run again with --scrub to remove it.\n`);
  }
  for (const warning of outcome.warnings) cli.io.stderr.write(`   Warning: ${warning}\n`);
}

/** `import [NUMBER|PROFILE…] [--all] [--scrub] …`. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Find Twilio secrets in twilio-cli’s config, the environment and .env files, and move them into the keychain.',
  usage: [
    'smsit-twilio import [--twilio-cli-config PATH] [--env-file PATH]… [--no-environment] [--json]',
    'smsit-twilio import (--all | NUMBER|PROFILE-ID…) [--name NAME] [--scrub] [same sources] [--json]',
  ].join('\n'),
  description: [
    'Without a choice, lists what it finds (source, Account SID, key SID, auth type; never a secret) in',
    '~/.twilio-cli/config.json (or --twilio-cli-config PATH), the TWILIO_* variables of this environment',
    '(unless --no-environment) and each --env-file. With --all, or numbers from that list or twilio-cli',
    'profile IDs, each one is verified with Twilio and saved: under its twilio-cli profile ID, or a name',
    'asked on a terminal (--name NAME when one is chosen). A credential saved already (same Account SID and',
    'key SID) is reported, not saved twice. --scrub then removes each imported secret from its file',
    '(the .env line; twilio-cli\'s apiSecret, with a note where it lives now), keeping every other byte.',
  ].join('\n'),
  environment: ['SMSIT_TWILIO_HOME', 'SMSIT_TWILIO_KEYCHAIN_SERVICE', 'SMSIT_TWILIO_API_BASE', 'TWILIO_*'],
  async run(args, cli) {
    const { values, positionals } = parseOptions(args, OPTIONS, { min: 0, max: 100, names: '' });
    if (values.all && positionals.length > 0) throw new UsageError('Give either --all or the numbers to import, not both.');
    const choosing = values.all === true || positionals.length > 0;
    if (!choosing && (values.scrub || values.name !== undefined)) throw new UsageError('--scrub and --name act on the credentials chosen: add --all or their numbers.');
    const given = values['twilio-cli-config'];
    const { found, notes } = await findCredentials({
      twilioCliConfig: { path: given ?? twilioCliConfigPathIn(cli.env), given: given !== undefined },
      environment: values['no-environment'] ? null : cli.env,
      envFiles: values['env-file'] ?? [],
    });
    const context = await cli.context();
    const accounts = (await context.registry.read()).accounts;
    const picked = choosing ? chosen(found, positionals, values.all === true) : [];
    if (values.name !== undefined && picked.length !== 1) throw new UsageError('--name names one credential: choose exactly one.');
    if (!choosing) {
      if (values.json) printJson(cli.io, { found: found.map((item, i) => foundJson(item, i + 1, accounts)), notes });
      else {
        printFound(cli, found, notes, accounts);
        if (found.length > 0) cli.io.stdout.write('Import with: smsit-twilio import --all (or the numbers); add --scrub to remove each imported secret from its file.\n');
      }
      return EXIT_OK;
    }
    const deps = { accounts: context.accounts, twilio: cli.twilio() };
    const results = [];
    let exitCode = EXIT_OK;
    for (const item of picked) {
      const number = found.indexOf(item) + 1;
      const name = values.name ?? (values.json ? undefined : await askName(cli, item));
      const outcome = await importCredential(deps, item, { ...(name !== undefined ? { name } : {}), scrub: values.scrub === true });
      if (outcome.status === 'failed' && exitCode === EXIT_OK) exitCode = exitCodeFor(outcome.error.kind);
      if (values.json) results.push({ number, ...outcome });
      else printOutcome(cli, item, number, outcome);
    }
    if (values.json) printJson(cli.io, { found: found.map((item, i) => foundJson(item, i + 1, accounts)), notes, results });
    return exitCode;
  },
};
