import { spawn } from 'node:child_process';

/** What a finished child process left: its exit, what it printed (apart and in order), or why it never ran. */
export type Captured = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came, for a person reading why it failed. */
  output: string;
  /** Set when the process could not be started (no such file, not executable); a timeout shows as a signal. */
  error: string | null;
};

export type RunOptions = { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number };

/** Runs a command with no input and its output captured; never rejects. */
export function runCaptured(command: string, args: readonly string[], options: RunOptions = {}): Promise<Captured> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
    const captured: Captured = { code: null, signal: null, stdout: '', stderr: '', output: '', error: null };
    child.stdout.on('data', (chunk: Buffer) => {
      captured.stdout += chunk.toString('utf8');
      captured.output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      captured.stderr += chunk.toString('utf8');
      captured.output += chunk.toString('utf8');
    });
    child.on('error', (cause) => (captured.error = cause.message));
    child.on('close', (code, signal) => resolve({ ...captured, code, signal }));
  });
}

/** Runs a command in the person's terminal (its output shown as it comes); its exit code, 1 if it could not start. */
export function runInherited(command: string, args: readonly string[], options: { cwd?: string; shell?: boolean } = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...(options.cwd ? { cwd: options.cwd } : {}), stdio: 'inherit', shell: options.shell ?? false });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
