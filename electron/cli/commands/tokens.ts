/** `smsit-twilio tokens create|list|revoke`: the bearer tokens the workflow engine presents to the endpoint. */
import { open, rm } from 'node:fs/promises';
import { createEngineToken, listEngineTokens, revokeEngineToken } from '../../core/endpoint/engine-tokens';
import { AppError } from '../../core/errors';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand } from '../cli-command';
import { printJson } from '../cli-output';
import { EXIT_OK } from '../exit-codes';

/**
 * Opens a new file for the token with mode 0600 from the start (never chmod afterwards: the
 * token would be readable in between). `wx` refuses an existing file, whose mode we don't own.
 */
async function openTokenFile(path: string) {
  try {
    return await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? 'it already exists (remove it or pick another path)' : `it could not be created (${code})`;
    throw new AppError('io', `The token was not written to ${path}: ${why}. No token was created.`, { path });
  }
}

async function create(name: string, file: string | undefined, json: boolean, cli: Parameters<CliCommand['run']>[1]): Promise<void> {
  const { registry } = await cli.context();
  if (file === undefined) {
    const created = await createEngineToken(registry, name);
    if (json) printJson(cli.io, created);
    else {
      cli.io.stdout.write(`${created.token}\n`);
      cli.io.stderr.write(`Engine token "${created.name}" created. It is shown this once: give it to the engine as "Authorization: Bearer <token>".\n`);
    }
    return;
  }
  const handle = await openTokenFile(file);
  try {
    const created = await createEngineToken(registry, name);
    await handle.writeFile(`${created.token}\n`, 'utf8');
    await handle.close();
    if (json) printJson(cli.io, { name: created.name, file });
    else cli.io.stdout.write(`Engine token "${created.name}" written to ${file} (readable by you only).\n`);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(file, { force: true });
    throw error;
  }
}

/** `tokens create|list|revoke`. */
export const tokensCommand: CliCommand = {
  name: 'tokens',
  summary: 'Create, list or revoke the engine tokens the loopback endpoint accepts.',
  usage: [
    'smsit-twilio tokens create NAME [--file PATH] [--json]   prints a new token once (or writes it to a new file, mode 0600)',
    'smsit-twilio tokens list [--json]                        names and dates; tokens are never shown again',
    'smsit-twilio tokens revoke NAME                          a running endpoint refuses it within a second',
  ].join('\n'),
  async run(args, cli) {
    const { values, positionals } = parseOptions(args, { file: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 2, names: 'a subcommand (create, list or revoke)' });
    const [action, name] = positionals as [string, string | undefined];
    const json = values.json === true;
    if (action !== 'list' && name === undefined) throw new UsageError(`"tokens ${action}" needs a token NAME.`);
    if (action === 'create') await create(name!, values.file, json, cli);
    else if (action === 'list') {
      if (name !== undefined) throw new UsageError(`Unexpected argument "${name}".`);
      const tokens = await listEngineTokens((await cli.context()).registry);
      if (json) printJson(cli.io, tokens);
      else if (tokens.length === 0) cli.io.stdout.write('No engine tokens yet. Create one with: smsit-twilio tokens create NAME\n');
      else for (const t of tokens) cli.io.stdout.write(`${t.name}  created ${t.createdAt.slice(0, 16).replace('T', ' ')}  last used ${t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}\n`);
    } else if (action === 'revoke') {
      await revokeEngineToken((await cli.context()).registry, name!);
      if (json) printJson(cli.io, { revoked: name });
      else cli.io.stdout.write(`Engine token "${name}" revoked. A running endpoint refuses it within a second.\n`);
    } else throw new UsageError(`Unknown subcommand "${action}": use create, list or revoke.`);
    return EXIT_OK;
  },
};
