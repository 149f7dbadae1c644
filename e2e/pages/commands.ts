import type { APIRequestContext } from '@playwright/test';

export type Host = { url: string; secret: string };
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

let sent = 0;

/**
 * Calls a command over the web host's HTTP transport: the specs' back door for setting up a
 * scene and checking the ledger, never for what the test is about (that goes through the screen).
 */
export async function sendCommand<T = unknown>(request: APIRequestContext, host: Host, name: string, input: unknown = {}): Promise<CommandResult<T>> {
  sent += 1;
  const response = await request.post(`${host.url}api/command/${name}`, {
    headers: { 'X-Aftertab-Secret': host.secret, 'Content-Type': 'application/json' },
    data: { input, commandId: `e2e-${name.replace('.', '-')}-${Date.now()}-${sent}` },
  });
  return (await response.json()) as CommandResult<T>;
}

/** Like sendCommand, but a refusal fails the test with the ledger's own words. */
export async function must<T = unknown>(request: APIRequestContext, host: Host, name: string, input: unknown = {}): Promise<T> {
  const result = await sendCommand<T>(request, host, name, input);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
  return result.value;
}
