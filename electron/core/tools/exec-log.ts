/**
 * Each `smsit-twilio exec` is written to the endpoint's access log file, so `smsit-twilio log`
 * shows every hand-over of a secret in one place: the account, the command's name (never its
 * arguments, which may hold anything), when it ran, how it ended and for how long.
 */
import { basename } from 'node:path';
import { AccessLog } from '../endpoint/access-log';
import type { AccessLogEntry } from '../../shared/app-types';

/** The method column of exec entries, told apart from the endpoint's GET and POST. */
export const EXEC_LOG_METHOD = 'EXEC';

/** One exec as an access log entry: route = the command's file name, status = its exit code. */
export function execLogEntry(use: { account: string; command: string; startedAt: Date; exitCode: number; durationMs: number }): AccessLogEntry {
  return {
    time: use.startedAt.toISOString(),
    tokenName: null,
    method: EXEC_LOG_METHOD,
    route: basename(use.command),
    account: use.account,
    status: use.exitCode,
    durationMs: Math.round(use.durationMs),
  };
}

/** Appends the entry to the log file (the same file, rotation and mode as the endpoint's); false when it could not be written. */
export async function recordExec(logFile: string, entry: AccessLogEntry): Promise<boolean> {
  const log = new AccessLog({ file: logFile });
  log.add(entry);
  await log.flush();
  return log.writeFailures === 0;
}
