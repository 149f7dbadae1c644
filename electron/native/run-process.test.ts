import { describe, expect, it } from 'vitest';
import { runCaptured, runInherited } from './run-process';

const node = process.execPath;

describe('running a child process', () => {
  it('captures stdout and stderr apart, and both in the order they came', async () => {
    const ran = await runCaptured(node, ['-e', "process.stdout.write('a\\n'); setTimeout(() => { process.stderr.write('b\\n'); process.exit(3); }, 20)"]);
    expect(ran).toEqual({ code: 3, signal: null, stdout: 'a\n', stderr: 'b\n', output: 'a\nb\n', error: null });
  });

  it('passes the folder and the environment it is given', async () => {
    const ran = await runCaptured(node, ['-e', 'console.log(process.cwd(), process.env.AFTERTAB_PROBE)'], { cwd: '/', env: { ...process.env, AFTERTAB_PROBE: 'yes' } });
    expect(ran.stdout.trim()).toBe('/ yes');
  });

  it('says why a command could not start, and stops one that runs past its time', async () => {
    expect((await runCaptured('/no/such/program', [])).error).toMatch(/ENOENT/);
    const slow = await runCaptured(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 100 });
    expect(slow).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('hands back the exit code of a command run in the terminal, and 1 when it cannot start', async () => {
    expect(await runInherited(node, ['-e', 'process.exit(4)'])).toBe(4);
    expect(await runInherited('/no/such/program', [])).toBe(1);
  });
});
