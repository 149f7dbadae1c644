import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queueCommandMissing, queueFailed, queueTimeout } from './printer-errors';

export type QueueOptions = {
  platform?: NodeJS.Platform;
  /** The environment the print command runs in (its PATH finds `lp`); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** Where the Windows job's bytes wait for the spooler; the system's temp folder by default. */
  tempDir?: string;
  timeoutMs?: number;
};

const QUEUE_TIMEOUT_MS = 30_000;

/** A command to run: what the queue's path of printing is, testable without running it. */
export type QueueCommand = { command: string; args: string[]; env: NodeJS.ProcessEnv };

/** CUPS (Linux, macOS): `lp -d <queue> -o raw`, the bytes on its stdin, unchanged by any filter. */
export function lpCommand(queue: string, env: NodeJS.ProcessEnv = process.env): QueueCommand {
  return { command: 'lp', args: ['-d', queue, '-o', 'raw'], env };
}

/**
 * The Windows spooler in RAW mode: winspool's OpenPrinter, StartDocPrinter with the RAW data type,
 * WritePrinter and the matching ends, through PowerShell. The queue and the file come in as
 * environment variables, never spliced into the script, so no name can change what it does.
 */
export const WINDOWS_RAW_SCRIPT = `$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class AftertabRawPrinter {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern bool OpenPrinter(string name, out IntPtr handle, IntPtr defaults);
  [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern int StartDocPrinter(IntPtr handle, int level, [In] DocInfo info);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool StartPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool WritePrinter(IntPtr handle, byte[] bytes, int count, out int written);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndPagePrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool EndDocPrinter(IntPtr handle);
  [DllImport("winspool.drv", SetLastError = true)] static extern bool ClosePrinter(IntPtr handle);
  static void Check(bool ok, string step) {
    if (ok) return;
    int code = Marshal.GetLastWin32Error();
    throw new System.ComponentModel.Win32Exception(code, step + ": " + new System.ComponentModel.Win32Exception(code).Message);
  }
  public static void Send(string printer, byte[] bytes) {
    IntPtr handle;
    Check(OpenPrinter(printer, out handle, IntPtr.Zero), "OpenPrinter");
    try {
      Check(StartDocPrinter(handle, 1, new DocInfo { pDocName = "Aftertab", pDataType = "RAW" }) != 0, "StartDocPrinter");
      Check(StartPagePrinter(handle), "StartPagePrinter");
      int written;
      Check(WritePrinter(handle, bytes, bytes.Length, out written) && written == bytes.Length, "WritePrinter");
      Check(EndPagePrinter(handle), "EndPagePrinter");
      Check(EndDocPrinter(handle), "EndDocPrinter");
    } finally { ClosePrinter(handle); }
  }
}
'@
try {
  [AftertabRawPrinter]::Send($env:AFTERTAB_PRINTER, [System.IO.File]::ReadAllBytes($env:AFTERTAB_PRINT_FILE))
} catch {
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}
`;

/** powershell.exe with the script as -EncodedCommand (UTF-16LE, base64): no quoting can break it. */
export function windowsCommand(queue: string, file: string, env: NodeJS.ProcessEnv = process.env): QueueCommand {
  const encoded = Buffer.from(WINDOWS_RAW_SCRIPT, 'utf16le').toString('base64');
  return {
    command: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded],
    env: { ...env, AFTERTAB_PRINTER: queue, AFTERTAB_PRINT_FILE: file },
  };
}

/** Runs a queue command with the bytes on stdin (or none), to its exit; stderr becomes the refusal's words. */
function run(queue: string, cmd: QueueCommand, stdin: Uint8Array | null, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let stderr = '';
    const child = spawn(cmd.command, cmd.args, { env: cmd.env, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    const timer = setTimeout(() => {
      child.kill();
      done(queueTimeout(queue));
    }, timeoutMs);
    function done(error?: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => done(error.code === 'ENOENT' ? queueCommandMissing(cmd.command) : queueFailed(queue, error.message)));
    // A command that exits before reading all of stdin (a queue that does not exist) closes the pipe: its exit code says why.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => done(code === 0 ? undefined : queueFailed(queue, stderr || `exit code ${String(code)}`)));
    child.stdin.end(stdin === null ? undefined : Buffer.from(stdin));
  });
}

/** Prints on a queue of this computer's: `lp` on Linux and macOS, the spooler on Windows. */
export async function sendToQueue(queue: string, bytes: Uint8Array, options: QueueOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? QUEUE_TIMEOUT_MS;
  if (platform !== 'win32') return run(queue, lpCommand(queue, options.env), bytes, timeoutMs);
  const file = path.join(options.tempDir ?? os.tmpdir(), `aftertab-print-${randomUUID()}.bin`);
  await fs.promises.writeFile(file, bytes, { mode: 0o600 });
  try {
    await run(queue, windowsCommand(queue, file, options.env), null, timeoutMs);
  } finally {
    // A queue that timed out may still hold the file a moment: its removal never hides why the job failed.
    await fs.promises.rm(file, { force: true }).catch(() => undefined);
  }
}
