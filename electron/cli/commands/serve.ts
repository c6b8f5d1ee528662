/** `smsit-twilio serve`: runs the loopback endpoint for the local workflow engine until SIGTERM / SIGINT. */
import { DEFAULT_ENGINE_PORT } from '../../core/endpoint/endpoint-limits';
import { AppError } from '../../core/errors';
import { accessLogPath, engineSocketPath } from '../../core/paths';
import { version } from '../../../package.json';
import { parseOptions } from '../cli-args';
import { UsageError, type CliCommand } from '../cli-command';
import { EXIT_OK } from '../exit-codes';

/** Why `serve` stopped: a signal, or the process that started it went away. */
type StopReason = NodeJS.Signals | 'parent-exited';

/** How often `serve` checks that the process that started it is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Waits for the first SIGTERM or SIGINT (a service manager's stop, or Ctrl-C), and, when npm
 * started us (`watchParent`), for the parent process to exit. `npx smsit-twilio serve` runs us
 * under `sh -c` under npm: a SIGTERM to npx ends npm and the shell but never reaches us, so
 * without this check the server would run on, orphaned. Started otherwise (a shell with nohup,
 * systemd), an exiting parent is no reason to stop.
 */
function untilStop(watchParent: boolean): { stopped: Promise<StopReason>; cancel(): void } {
  let cancel = () => {};
  const stopped = new Promise<StopReason>((resolve) => {
    const parent = process.ppid;
    const stop = (reason: StopReason) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      clearInterval(watch);
      resolve(reason);
    };
    const watch = watchParent
      ? setInterval(() => {
          if (process.ppid !== parent) stop('parent-exited');
        }, PARENT_CHECK_MS)
      : undefined;
    // Never the reason the process stays up: a server that failed to start must still exit.
    watch?.unref();
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // A failed start must not leave the parent check (an interval) keeping the process alive.
    cancel = () => stop('SIGTERM');
  });
  return { stopped, cancel };
}

/** `serve [--port N]`. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: `Serve auth headers to the local workflow engine on 127.0.0.1 (default port ${DEFAULT_ENGINE_PORT}).`,
  usage: 'smsit-twilio serve [--port N]',
  description: [
    `Listens on 127.0.0.1 (and ::1) only, port N, else the saved port, else ${DEFAULT_ENGINE_PORT}; --port 0 picks a free one.`,
    'Every route but /v1/health needs "Authorization: Bearer TOKEN" (smsit-twilio tokens create NAME).',
    'Also serves on a Unix socket in the data folder (curl --unix-socket PATH http://localhost/v1/headers), which no other user can take over.',
    'Prints "listening on http://127.0.0.1:N" (and the socket); stops cleanly on SIGTERM or Ctrl-C, and when the process that',
    'started it (npx or npm) exits. See docs/engine.md.',
  ].join('\n'),
  environment: ['SMSIT_TWILIO_HOME', 'SMSIT_TWILIO_KEYCHAIN_SERVICE', 'SMSIT_TWILIO_API_BASE'],
  async run(args, cli) {
    const { values } = parseOptions(args, { port: { type: 'string' } }, { min: 0, max: 0, names: '' });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new UsageError(`--port takes a port number from 1 to 65535 (or 0 for any free port), not "${values.port}".`);
    }
    const context = await cli.context();
    // Loaded here, not at the top: the endpoint and its schemas are for this command only.
    const { EngineEndpoint } = await import('../../core/endpoint/engine-endpoint');
    const endpoint = new EngineEndpoint({
      registry: context.registry,
      accounts: context.accounts,
      port: port ?? null,
      apiBase: cli.env.SMSIT_TWILIO_API_BASE?.trim() || null,
      logFile: accessLogPath(context.dataDir),
      socketPath: engineSocketPath(context.dataDir, context.env),
      version,
    });
    // npm sets npm_command (exec for npx, run-script for npm run) in what it starts.
    const { stopped, cancel } = untilStop(cli.env.npm_command !== undefined);
    const status = await endpoint.start();
    if (status.error) {
      cancel();
      throw AppError.fromInfo(status.error);
    }
    cli.io.stdout.write(`listening on ${status.url}\n`);
    if (status.socketPath) cli.io.stdout.write(`and on the socket ${status.socketPath} (only this user can reach it)\n`);
    if (status.paused) cli.io.stderr.write('The endpoint is paused: it answers 503 until resumed from the tray app.\n');
    const reason = await stopped;
    await endpoint.stop();
    cli.io.stderr.write(reason === 'parent-exited' ? 'stopped: the process that started it (npx or npm) has exited\n' : 'stopped\n');
    return EXIT_OK;
  },
};
