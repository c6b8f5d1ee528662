/** `smsit-twilio tokens create|list|revoke`: the bearer tokens the workflow engine presents to the endpoint. */
import { open, rm } from 'node:fs/promises';
import { AppError } from '../../core/errors';
import { parseOptions } from '../cli-args';
import type { CliCommand, CliEnv, CliSubcommand } from '../cli-command';
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
    // An existing file is the caller's choice to fix (another path), not a storage failure.
    if (code === 'EEXIST') throw new AppError('bad-input', `The token was not written to ${path}: it already exists (remove it or pick another --file). No token was created.`, { field: 'file', path });
    throw new AppError('io', `The token was not written to ${path}: it could not be created (${code}). No token was created.`, { path });
  }
}

async function create(name: string, file: string | undefined, json: boolean, cli: CliEnv): Promise<void> {
  const { registry } = await cli.context();
  const { createEngineToken } = await tokens();
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

const tokens = () => import('../../core/endpoint/engine-tokens');

/** The subcommands of `tokens`, in the order its help lists them. */
export const TOKEN_SUBCOMMANDS: CliSubcommand[] = [
  {
    name: 'create',
    summary: 'Make a new engine token and print it once (or write it to a new file, mode 0600).',
    usage: 'smsit-twilio tokens create NAME [--file PATH] [--json]',
    description: 'The engine sends it as "Authorization: Bearer TOKEN", or proves it holds it without sending it (the mutual exchange, docs/engine.md). It is never shown again.',
    environment: ['SMSIT_TWILIO_HOME'],
    async run(args, cli) {
      const { values, positionals } = parseOptions(args, { file: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: 1, names: 'a token NAME' });
      await create(positionals[0]!, values.file, values.json === true, cli);
      return EXIT_OK;
    },
  },
  {
    name: 'list',
    summary: 'List the engine tokens: names and dates (tokens are never shown again).',
    usage: 'smsit-twilio tokens list [--json]',
    environment: ['SMSIT_TWILIO_HOME'],
    async run(args, cli) {
      const { values } = parseOptions(args, { json: { type: 'boolean' } }, { min: 0, max: 0, names: '' });
      const { listEngineTokens } = await tokens();
      const list = await listEngineTokens((await cli.context()).registry);
      if (values.json) printJson(cli.io, list);
      else if (list.length === 0) cli.io.stdout.write('No engine tokens yet. Create one with: smsit-twilio tokens create NAME\n');
      else {
        for (const t of list) {
          const bearerOnly = t.proofs ? '' : '  Bearer only (made before the mutual exchange; create a new token to use it)';
          cli.io.stdout.write(`${t.name}  created ${t.createdAt.slice(0, 16).replace('T', ' ')}  last used ${t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}${bearerOnly}\n`);
        }
      }
      return EXIT_OK;
    },
  },
  {
    name: 'revoke',
    summary: 'Revoke an engine token: a running endpoint refuses it within a second.',
    usage: 'smsit-twilio tokens revoke NAME [--json]',
    environment: ['SMSIT_TWILIO_HOME'],
    async run(args, cli) {
      const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'a token NAME' });
      const name = positionals[0]!;
      const { revokeEngineToken } = await tokens();
      await revokeEngineToken((await cli.context()).registry, name);
      if (values.json) printJson(cli.io, { revoked: name });
      else cli.io.stdout.write(`Engine token "${name}" revoked. A running endpoint refuses it within a second.\n`);
      return EXIT_OK;
    },
  },
];

/** `tokens create|list|revoke`; index.ts dispatches to the subcommands. */
export const tokensCommand: CliCommand = {
  name: 'tokens',
  summary: 'Create, list or revoke the engine tokens the loopback endpoint accepts.',
  usage: 'smsit-twilio tokens SUBCOMMAND [ARGS…] [OPTIONS]',
  subcommands: TOKEN_SUBCOMMANDS,
};
