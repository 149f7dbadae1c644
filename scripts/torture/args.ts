/** What a torture run does: how many kills, how many malformed payloads per command, and its seed. */
export type TortureOptions = { kills: number; payloads: number; seed: number; short: boolean };

export const DEFAULT_OPTIONS: TortureOptions = { kills: 500, payloads: 1000, seed: 1, short: false };
/** `--short`: the CI run, about two minutes on a small machine; every damaged and tamper case still runs. */
export const SHORT_OPTIONS: TortureOptions = { kills: 20, payloads: 50, seed: 1, short: true };

const USAGE = 'usage: npm run torture -- [--short] [--kills N] [--payloads N] [--seed S]';

function whole(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw) || Number(raw) < min) {
    throw new Error(`--${flag} needs a whole number of at least ${min} (got ${raw === undefined ? 'nothing' : `"${raw}"`}); ${USAGE}`);
  }
  return Number(raw);
}

/** Reads the flags (`--kills 30` or `--kills=30`); `--short` sets the small defaults, later flags override them. */
export function parseArgs(argv: readonly string[]): TortureOptions {
  const options = argv.includes('--short') ? { ...SHORT_OPTIONS } : { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--short') continue;
    const match = /^--(kills|payloads|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"; ${USAGE}`);
    const flag = match[1] as 'kills' | 'payloads' | 'seed';
    let value = match[2];
    if (value === undefined) {
      i += 1;
      value = argv[i];
    }
    options[flag] = whole(flag, value, 0);
  }
  return options;
}
