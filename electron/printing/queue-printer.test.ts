import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { tempFolders } from '../test-support/temp-folders';
import { lpCommand, sendToQueue, windowsCommand, WINDOWS_RAW_SCRIPT } from './queue-printer';

const tempFolder = tempFolders('aftertab-queue-');

/** A folder first on PATH holding a fake command that keeps its arguments, its stdin and two environment variables. */
function fakeCommand(name: string, body = 'exit 0'): { env: NodeJS.ProcessEnv; dir: string } {
  const dir = tempFolder();
  const script = `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/args"
cat > "${dir}/stdin"
printf '%s\\n%s\\n' "$AFTERTAB_PRINTER" "$AFTERTAB_PRINT_FILE" > "${dir}/env"
if [ -n "$AFTERTAB_PRINT_FILE" ]; then cp "$AFTERTAB_PRINT_FILE" "${dir}/file"; fi
${body}
`;
  fs.writeFileSync(path.join(dir, name), script, { mode: 0o755 });
  return { dir, env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` } };
}

const job = Uint8Array.of(0x1b, 0x40, 0x48, 0x69, 0x0a, 0x1d, 0x56, 0x01, 0x00, 0xff);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('a print queue through CUPS (Linux, macOS)', () => {
  it('runs lp -d <queue> -o raw with the job on its stdin, byte for byte', async () => {
    const lp = fakeCommand('lp');
    await sendToQueue('TM T20 Receipt', job, { platform: 'linux', env: lp.env });
    expect(fs.readFileSync(path.join(lp.dir, 'args'), 'utf8')).toBe('-d\nTM T20 Receipt\n-o\nraw\n');
    expect(fs.readFileSync(path.join(lp.dir, 'stdin')).equals(Buffer.from(job))).toBe(true);
    expect(lpCommand('q').args).toEqual(['-d', 'q', '-o', 'raw']);
  });

  it("passes on lp's own words when the queue refuses the job", async () => {
    const lp = fakeCommand('lp', `echo 'lp: The printer or class does not exist.' >&2\nexit 1`);
    const error = await refusal(sendToQueue('Nope', job, { platform: 'darwin', env: lp.env }));
    expect([error.code, error.key, error.params]).toEqual([
      'printer_failed',
      'errors.printer.queueFailed',
      { queue: 'Nope', problem: 'lp: The printer or class does not exist.' },
    ]);
  });

  it('says so when this computer has no lp at all', async () => {
    const empty = tempFolder();
    const error = await refusal(sendToQueue('TM-T20', job, { platform: 'linux', env: { PATH: empty } }));
    expect([error.key, error.params]).toEqual(['errors.printer.queueMissing', { command: 'lp' }]);
  });

  it('stops waiting for a queue command that hangs', async () => {
    const lp = fakeCommand('lp', 'sleep 5');
    const error = await refusal(sendToQueue('TM-T20', job, { platform: 'linux', env: lp.env, timeoutMs: 300 }));
    expect(error.key).toBe('errors.printer.queueTimeout');
  });
});

describe('a print queue through the Windows spooler', () => {
  it('runs PowerShell with the RAW script encoded, the queue and file passed as environment variables', () => {
    const command = windowsCommand('EPSON TM-T20II Receipt', 'C:\\Temp\\job.bin', {});
    expect(command.command).toBe('powershell.exe');
    expect(command.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(command.args[5]!, 'base64').toString('utf16le')).toBe(WINDOWS_RAW_SCRIPT);
    expect(command.env).toMatchObject({ AFTERTAB_PRINTER: 'EPSON TM-T20II Receipt', AFTERTAB_PRINT_FILE: 'C:\\Temp\\job.bin' });
    // The names never enter the script itself: nothing in them can change what it runs.
    expect(WINDOWS_RAW_SCRIPT).not.toContain('EPSON');
  });

  it('opens the printer, starts a RAW document, writes every byte and closes it, failing loudly', () => {
    for (const step of [
      'OpenPrinterW',
      'StartDocPrinterW',
      'pDataType = "RAW"',
      'StartPagePrinter',
      'WritePrinter',
      'written == bytes.Length',
      'EndPagePrinter',
      'EndDocPrinter',
      'ClosePrinter',
      '$env:AFTERTAB_PRINTER',
      '[System.IO.File]::ReadAllBytes($env:AFTERTAB_PRINT_FILE)',
      'exit 1',
    ]) {
      expect(WINDOWS_RAW_SCRIPT, step).toContain(step);
    }
  });

  it('hands the spooler the job in a temp file, and removes the file afterwards', async () => {
    const shell = fakeCommand('powershell.exe');
    const tempDir = tempFolder();
    await sendToQueue('Receipt', job, { platform: 'win32', env: shell.env, tempDir });
    const [queue, file] = fs.readFileSync(path.join(shell.dir, 'env'), 'utf8').split('\n');
    expect(queue).toBe('Receipt');
    expect(path.dirname(file!)).toBe(tempDir);
    expect(fs.readFileSync(path.join(shell.dir, 'file')).equals(Buffer.from(job))).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });
});
