/**
 * `smsit-twilio doctor`: checks that the keychain answers and the accounts file reads, and lists
 * keychain entries no saved account uses (left by a removal while the keychain was down, or a
 * crash); `--clean` deletes them. It never deletes a secret a saved account uses.
 */
import { entryName, keychainServiceName, secretPurposeName as what } from '../../core/secrets/secret-store';
import { parseOptions } from '../cli-args';
import type { CliCommand } from '../cli-command';
import { ACCOUNT_ENVIRONMENT } from '../cli-help';
import { printJson } from '../cli-output';
import { EXIT_OK } from '../exit-codes';

/** `doctor [--clean] [--json]`. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Check the keychain and the accounts file; list (and with --clean delete) secrets no account uses',
  usage: 'smsit-twilio doctor [--clean] [--json]',
  description: [
    'Checks that the keychain answers and that the accounts file can be read, then lists keychain',
    'entries of this app that no saved account uses (a removal while the keychain was down leaves',
    'them). --clean deletes those entries; secrets of saved accounts are never touched.',
  ].join('\n'),
  environment: ACCOUNT_ENVIRONMENT,
  async run(args, cli) {
    const { values } = parseOptions(args, { clean: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
    const { registry, secrets, env } = await cli.context();
    const { cleanOrphanSecrets, findMissingSecrets, findOrphanSecrets } = await import('../../core/accounts/orphan-secrets');
    // Each of these throws the usual keychain-unavailable / registry-corrupt error (exit 3) with its way out.
    const listed = await secrets.list();
    const { accounts } = await registry.read();
    const orphans = await findOrphanSecrets(registry, secrets, new Date(), listed);
    const missing = await findMissingSecrets(registry, listed);
    const cleaned = values.clean && orphans.length > 0 ? await cleanOrphanSecrets(registry, secrets) : [];
    if (values.json) {
      printJson(cli.io, {
        keychain: { available: true, service: keychainServiceName(env) },
        registry: { path: registry.path, accounts: accounts.length },
        orphanSecrets: orphans.map((ref) => entryName(ref.accountId, ref.purpose)),
        deleted: cleaned.map((ref) => entryName(ref.accountId, ref.purpose)),
        missingSecrets: missing.map(({ account, purpose }) => ({ account: account.name, purpose })),
      });
      return EXIT_OK;
    }
    const out = (line: string) => cli.io.stdout.write(`${line}\n`);
    out(`Keychain: answers (service "${keychainServiceName(env)}").`);
    out(`Accounts file: ${registry.path}, ${accounts.length} account${accounts.length === 1 ? '' : 's'}.`);
    for (const { account, purpose } of missing) {
      out(`Missing: the ${what(purpose)} of "${account.name}" is not in the keychain. Remove the account and add it again.`);
    }
    if (orphans.length === 0) {
      out('No secrets without an account.');
    } else if (values.clean) {
      out(`Deleted ${cleaned.length} secret${cleaned.length === 1 ? '' : 's'} no account uses:`);
      for (const ref of cleaned) out(`  ${entryName(ref.accountId, ref.purpose)} (${what(ref.purpose)})`);
    } else {
      out(`${orphans.length} secret${orphans.length === 1 ? '' : 's'} in the keychain belong${orphans.length === 1 ? 's' : ''} to no saved account:`);
      for (const ref of orphans) out(`  ${entryName(ref.accountId, ref.purpose)} (${what(ref.purpose)})`);
      out('Delete them with "smsit-twilio doctor --clean".');
    }
    return EXIT_OK;
  },
};
