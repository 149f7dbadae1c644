import type { Page } from '@playwright/test';
import type { CommandResult } from './commands';

type Bridge = { commands: Record<string, ((input: unknown, options: { commandId: string }) => Promise<CommandResult<unknown>>) | undefined> };

/**
 * The Electron window's back door for setup and checks: a command through the preload bridge,
 * as the renderer itself sends it. Electron has no HTTP transport, so CommandClient cannot reach it.
 * The session belongs to the window, so the window must be signed in through its PIN pad first
 * (sign-in-page.ts); every call then acts as the person signed in there.
 */
export class BridgeClient {
  private sent = 0;

  constructor(private readonly page: Page) {}

  async call<T>(name: string, input: object = {}): Promise<T> {
    this.sent += 1;
    const commandId = `e2e-bridge-${name.replace('.', '-')}-${Date.now()}-${this.sent}`;
    const result = await this.page.evaluate(
      async (args) => {
        const bridge = (globalThis as unknown as { aftertab?: Bridge }).aftertab;
        const command = bridge?.commands[args.name];
        if (!command) return { ok: false, error: { code: 'no_bridge', message: `the window has no bridge command ${args.name}` } } as const;
        return command(args.input, { commandId: args.commandId });
      },
      { name, input, commandId },
    );
    if (!result.ok && result.error.code === 'unauthorized') {
      throw new Error(`${name} was refused: nobody is signed in on this window; sign in on its PIN pad first (${result.error.message})`);
    }
    if (!result.ok) throw new Error(`${name} was refused (${result.error.code}): ${result.error.message}`);
    return result.value as T;
  }
}
