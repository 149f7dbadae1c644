import type { CommandInput, CommandName, CommandResult } from './contract';
import type { Result } from './errors';
import type { AppEvent } from './types';

/** What a transport carries for one call. */
export type CallOptions = { commandId?: string };

/** The renderer's API: one function per command, derived from the contract. */
export type CommandApi = {
  [N in CommandName]: (input: CommandInput<N>, options?: CallOptions) => Promise<Result<CommandResult<N>>>;
};

/** What the Electron preload exposes on window.aftertab. */
export type BridgeApi = {
  commands: CommandApi;
  onEvent: (listener: (event: AppEvent) => void) => () => void;
};
