import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineToken, listEngineTokens, revokeEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import { accountSid } from '../../../helpers/sample-credentials';
import { tempDir } from '../../../helpers/temp-dir';

const holder = join(import.meta.dirname, 'paused-lock-holder.ts');

/** Starts the lock holder and resolves once it says it holds the lock. */
function startHolder(registryPath: string): Promise<{ child: ChildProcess; exited: Promise<{ code: number | null; stdout: string; stderr: string }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, registryPath, 'Paused add', accountSid()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('inside')) resolve({ child, exited });
    });
    child.on('close', () => reject(new Error(`the lock holder ended early: ${stderr}`)));
  });
}

describe('the registry lock across processes', () => {
  it('is never taken from a live process paused inside it, so a revoked token does not come back', async () => {
    const path = join(await tempDir(), 'accounts.json');
    const registry = new RegistryFile({ path, lockTimeoutMs: 1_500 });
    await createEngineToken(registry, 'engine');

    const { child, exited } = await startHolder(path);
    let revoked: unknown = null;
    child.kill('SIGSTOP');
    try {
      // What a sleeping laptop or a keychain prompt does: the lock grows old while its owner lives.
      const longAgo = new Date(Date.now() - 60_000);
      await utimes(`${path}.lock`, longAgo, longAgo);
      revoked = await revokeEngineToken(registry, 'engine').then(() => true, (error: unknown) => error);
      expect(revoked).toMatchObject({ kind: 'registry-busy', message: expect.stringContaining(`process ${child.pid}`) });
      expect(await readFile(`${path}.lock`, 'utf8')).toContain(String(child.pid));
    } finally {
      child.kill('SIGCONT');
    }
    const result = await exited;
    expect(result.stdout).toContain('saved');
    // A revocation that was reported done stays done once the paused process writes.
    expect((await listEngineTokens(registry)).map((token) => token.name)).toEqual(revoked === true ? [] : ['engine']);

    await revokeEngineToken(registry, 'engine');
    const after = await registry.read();
    expect(after.accounts.map((account) => account.name)).toEqual(['Paused add']);
    expect(await listEngineTokens(registry)).toEqual([]);
  });
});
