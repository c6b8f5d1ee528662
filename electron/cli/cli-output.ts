/** How commands print: `--json` objects for scripts, plain sentences for people. Never a secret. */
import type { AccountSummary, KeyType, VerificationReport } from '../shared/app-types';
import { KEY_TYPE_NAMES } from '../shared/key-type-names';
import { AppError, toErrorInfo, type ErrorInfo } from '../core/errors';
import { verificationOutcome, type VerificationOutcome } from '../shared/errors';
import { cliNextStep, shellWord } from './cli-advice';
import type { CliIo } from './cli-io';
import { secretAgeLabel } from '../shared/secret-age';

/** Prints one JSON object on one line. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * The error object of every `--json` output, the one place the ErrorInfo is flattened: exactly
 * kind, httpStatus, twilioCode, message (as the README promises scripts).
 */
export function errorJson(error: ErrorInfo) {
  return { kind: error.kind, httpStatus: error.details?.httpStatus ?? null, twilioCode: error.details?.twilioCode ?? null, message: error.message };
}

/** A report in exactly the shape `verify --json` promises (nothing more, nothing less). */
export function reportJson(report: VerificationReport) {
  const { ok, authType, keyType, account, warnings, error } = report;
  return {
    ok,
    authType,
    keyType,
    account: { sid: account.sid, friendlyName: account.friendlyName, status: account.status, type: account.type },
    warnings,
    error: error ? errorJson(error) : null,
  };
}

function credentialLabel(authType: string, keyType: KeyType | null): string {
  if (authType === 'authToken') return 'Account SID + Auth Token';
  return keyType ? `API key (${KEY_TYPE_NAMES[keyType]})` : 'API key (type not checked yet)';
}

/** The first words of a failed verification on the command line, by what the failure means. */
const CLI_VERDICT: Record<VerificationOutcome, string> = {
  'not-sent': 'Not sent to Twilio',
  rejected: 'Not accepted',
  inactive: 'Not usable',
  'twilio-trouble': 'Twilio had a problem (nothing is wrong with these credentials)',
  other: 'Could not verify',
};

/** A report for people: the verdict, what the credentials are, the warnings, and the upgrade command for a saved Auth Token account (`accountName`). */
export function printReport(io: CliIo, report: VerificationReport, accountName?: string): void {
  if (!report.ok) {
    const error = report.error ?? { kind: 'internal', message: 'verification failed.' };
    io.stderr.write(`${CLI_VERDICT[verificationOutcome(error.kind)]}: ${error.message}\n`);
    return;
  }
  const { account } = report;
  const lines = ['Twilio accepted these credentials.', `  Credentials: ${credentialLabel(report.authType, report.keyType)}`, `  Account SID: ${account.sid}`];
  if (account.friendlyName !== null) {
    lines.push(`  Account:     ${account.friendlyName} (${account.status ?? 'status unknown'}, ${account.type ?? 'type unknown'})`);
  } else if (report.keyType === 'standard' || report.keyType === 'restricted') {
    lines.push('  Account:     name and status not shown (this key may not read the account)');
  }
  for (const warning of report.warnings) lines.push(`  Warning: ${warning}`);
  if (report.authType === 'authToken') {
    lines.push(
      accountName === undefined
        ? '  Upgrade: save it with "smsit-twilio accounts add <name> --account-sid AC…", then run "smsit-twilio accounts upgrade <name>".'
        : `  Upgrade: smsit-twilio accounts upgrade ${shellWord(accountName)}`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** Rows as columns padded to their widest cell, two spaces apart, no trailing space. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - [...cell].length))).join('  ').trimEnd())
    .join('\n');
}

/** The accounts as a table with a header row; the active one is starred in the first column. */
export function printAccounts(io: CliIo, accounts: AccountSummary[]): void {
  if (accounts.length === 0) {
    io.stdout.write('No accounts yet. Add one with: smsit-twilio accounts add NAME --account-sid AC…\n');
    return;
  }
  const header = ['', 'NAME', 'ACCOUNT SID', 'API KEY SID', 'CREDENTIALS', 'REGION', 'LAST CHECK', 'SECRET AGE'];
  const now = new Date();
  const rows = accounts.map((account) => {
    const check = account.lastVerification;
    const verified = check ? `${check.ok ? 'verified' : `failed (${check.error?.kind ?? 'error'})`} ${check.at.slice(0, 16).replace('T', ' ')}` : 'not verified';
    const region = account.edge ? `${account.region}/${account.edge}` : account.region;
    return [account.active ? '*' : '', account.name, account.accountSid, account.apiKeySid ?? '-', credentialLabel(account.authType, account.keyType), region, verified, secretAgeLabel(account, now)];
  });
  io.stdout.write(`${formatTable([header, ...rows])}\n* the active account: the engine gets its credentials.\n`);
}

/** An error for people, on stderr: what happened (the core's message), then what to do in CLI words. */
export function printError(io: CliIo, error: unknown): void {
  const message = error instanceof Error ? toErrorInfo(error).message : String(error);
  const next = error instanceof AppError ? cliNextStep(toErrorInfo(error)) : null;
  io.stderr.write(`Error: ${message}\n${next ? `What to do: ${next}\n` : ''}`);
}
