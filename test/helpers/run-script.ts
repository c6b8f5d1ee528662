/** Runs Node in a child process, feeding stdin and collecting its output. */
import { spawn } from 'node:child_process';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <argv…>` and resolves when it exits. */
export function runNode(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Runs a TypeScript fixture through tsx: `node --import tsx <script>`. */
export function runScript(script: string, options: { env?: NodeJS.ProcessEnv; stdin?: string; args?: string[] } = {}): Promise<ScriptResult> {
  return runNode(['--import', 'tsx', script, ...(options.args ?? [])], options);
}
