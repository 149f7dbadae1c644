import { describe, expect, it } from 'vitest';
import { commandNames } from './command-names';
import { contract } from './contract';

describe('the command names the preload and the renderer are built from', () => {
  it('are exactly the contract’s commands: none missing, none extra, none twice', () => {
    expect(new Set(commandNames).size).toBe(commandNames.length);
    expect([...commandNames].sort()).toEqual(Object.keys(contract).sort());
  });
});
