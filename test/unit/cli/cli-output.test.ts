import { describe, expect, it } from 'vitest';
import { errorJson, reportJson } from '../../../electron/cli/cli-output';
import type { VerificationReport } from '../../../electron/shared/app-types';

const refused: VerificationReport = {
  ok: false,
  authType: 'apiKey',
  keyType: null,
  account: { sid: 'AC' + 'a'.repeat(32), friendlyName: null, status: null, type: null },
  warnings: [],
  error: { kind: 'invalid-credentials', message: 'Twilio did not accept this API key.', details: { httpStatus: 401, twilioCode: 20003, field: 'apiKeySecret' } },
};

describe('--json output', () => {
  it('flattens an error to exactly kind, httpStatus, twilioCode and message, nulls where Twilio said nothing', () => {
    expect(errorJson({ kind: 'network', message: 'No connection.' })).toStrictEqual({ kind: 'network', httpStatus: null, twilioCode: null, message: 'No connection.' });
  });

  it('prints a report in the documented verify --json shape, its error flattened the same way', () => {
    expect(reportJson(refused)).toStrictEqual({
      ok: false,
      authType: 'apiKey',
      keyType: null,
      account: refused.account,
      warnings: [],
      error: { kind: 'invalid-credentials', httpStatus: 401, twilioCode: 20003, message: 'Twilio did not accept this API key.' },
    });
  });
});
