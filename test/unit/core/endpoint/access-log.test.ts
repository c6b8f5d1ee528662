import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessLog } from '../../../../electron/core/endpoint/access-log';
import { readAccessLogFile } from '../../../../electron/core/endpoint/access-log-file';
import type { AccessLogEntry } from '../../../../electron/shared/app-types';
import { tempDir } from '../../../helpers/temp-dir';

const entry = (i: number): AccessLogEntry => ({
  time: new Date(1_700_000_000_000 + i).toISOString(),
  tokenName: 'engine',
  method: 'GET',
  route: '/v1/headers',
  account: 'Main',
  status: 200,
  durationMs: 0.4,
});

describe('access log', () => {
  it('keeps the last entries in memory, newest first', () => {
    const log = new AccessLog({ file: null, memoryEntries: 3 });
    for (let i = 0; i < 5; i++) log.add(entry(i));
    expect(log.recent().map((e) => e.time)).toEqual([entry(4).time, entry(3).time, entry(2).time]);
  });

  it('appends entries to a private file that the log command reads back, oldest first', async () => {
    const file = join(await tempDir(), 'access-log.jsonl');
    const log = new AccessLog({ file });
    for (let i = 0; i < 3; i++) log.add(entry(i));
    await log.flush();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readAccessLogFile(file)).toEqual([entry(0), entry(1), entry(2)]);
    expect(await readAccessLogFile(file, 2)).toEqual([entry(1), entry(2)]);
  });

  it('bounds the file: past the size it rotates to .1, so at most two files of that size exist', async () => {
    const file = join(await tempDir(), 'access-log.jsonl');
    const log = new AccessLog({ file, maxFileBytes: 2_000 });
    for (let i = 0; i < 200; i++) {
      log.add(entry(i));
      if (i % 10 === 9) await log.flush();
    }
    await log.flush();
    expect((await stat(file)).size).toBeLessThanOrEqual(2_000);
    expect((await stat(`${file}.1`)).size).toBeLessThanOrEqual(2_000);
    const back = await readAccessLogFile(file, 1_000);
    expect(back.at(-1)).toEqual(entry(199));
    expect(back.length).toBeLessThan(200);
  });

  it('reads an absent file as empty and skips a torn last line', async () => {
    const dir = await tempDir();
    expect(await readAccessLogFile(join(dir, 'none.jsonl'))).toEqual([]);
    const file = join(dir, 'torn.jsonl');
    const log = new AccessLog({ file });
    log.add(entry(1));
    await log.flush();
    await import('node:fs/promises').then((fs) => fs.appendFile(file, '{"time":"2026'));
    expect(await readAccessLogFile(file)).toEqual([entry(1)]);
    expect((await readFile(file, 'utf8')).endsWith('2026')).toBe(true);
  });

  it('counts requests alike within a second on one line (longest duration kept); anything different opens a new line', () => {
    const log = new AccessLog({ file: null, now: () => new Date(1_700_000_000_000) });
    const request = { tokenName: 'engine', method: 'GET', route: '/v1/headers', account: 'Main', status: 200, durationMs: 0.4 };
    log.request(request, 0);
    log.request({ ...request, durationMs: 2.5 }, 10);
    log.request(request, 999);
    expect(log.recent()).toEqual([{ time: new Date(1_700_000_000_000).toISOString(), ...request, durationMs: 2.5, count: 3 }]);
    log.request({ ...request, account: 'Other' }, 1_000); // another account
    log.request({ ...request, account: 'Other', status: 503 }, 1_001); // another answer
    log.request({ ...request, account: 'Other', status: 503, tokenName: 'ci' }, 1_002); // another token
    log.request({ ...request, account: 'Other', status: 503, tokenName: 'ci' }, 2_002); // a second later
    expect(log.recent().map((e) => [e.tokenName, e.account, e.status, e.count])).toEqual([
      ['ci', 'Other', 503, undefined],
      ['ci', 'Other', 503, undefined],
      ['engine', 'Other', 503, undefined],
      ['engine', 'Other', 200, undefined],
      ['engine', 'Main', 200, 3],
    ]);
  });

  it('never changes a line once written: the next alike request starts a new one, and the file holds the counts', async () => {
    const file = join(await tempDir(), 'access-log.jsonl');
    const log = new AccessLog({ file });
    const request = { tokenName: 'engine', method: 'GET', route: '/v1/headers', account: 'Main', status: 200, durationMs: 1 };
    log.request(request, 0);
    log.request(request, 1);
    await log.flush();
    log.request(request, 2);
    await log.flush();
    expect((await readAccessLogFile(file)).map((e) => e.count)).toEqual([2, undefined]);
  });
});
