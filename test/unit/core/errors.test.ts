import { describe, expect, it } from 'vitest';
import { AppError, isErrorKind, toErrorInfo } from '../../../electron/core/errors';
import { failedReport, toVerificationSummary } from '../../../electron/core/twilio/verification-report';

describe('one error shape', () => {
  it('AppError.fromInfo and toErrorInfo round-trip kind, message and every detail', () => {
    const info = { kind: 'invalid-credentials' as const, message: 'Twilio did not accept this API key.', details: { httpStatus: 401, twilioCode: 20003, field: 'apiKeySecret' } };
    const error = AppError.fromInfo(info);
    expect(isErrorKind(error, 'invalid-credentials')).toBe(true);
    expect(toErrorInfo(error)).toEqual(info);
    expect(AppError.fromInfo(info, ' Nothing was saved.').message).toBe('Twilio did not accept this API key. Nothing was saved.');
  });

  it('a foreign error becomes "internal" without its message (it may quote a secret)', () => {
    expect(toErrorInfo(new Error('token abc123 rejected'))).toEqual({ kind: 'internal', message: expect.not.stringContaining('abc123') });
  });

  it('a failed report and the summary the registry keeps carry the same ErrorInfo, details included', () => {
    const error = new AppError('rate-limited', 'Twilio asked us to slow down.', { httpStatus: 429, twilioCode: 20429 });
    const report = failedReport('apiKey', 'AC' + '0'.repeat(32), error);
    expect(report.error).toEqual({ kind: 'rate-limited', message: 'Twilio asked us to slow down.', details: { httpStatus: 429, twilioCode: 20429 } });
    expect(toVerificationSummary(report, new Date('2026-01-02T03:04:05Z')).error).toEqual(report.error);
  });
});
