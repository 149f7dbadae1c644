import { describeTarget, type DriverTarget, type ElectronDriverStatus } from './electron-driver';
import type { MakeResult, StepOutcome } from './make-driver';

/** Everything `npm start` touches, passed in so a test can drive each way it can go. */
export type DesktopStartDeps = {
  findBinary: () => string | null;
  /** The electron package's downloader; it fails fast where its host is unreachable. */
  downloadElectron: () => Promise<StepOutcome>;
  target: () => DriverTarget;
  driverStatus: (target: DriverTarget) => ElectronDriverStatus;
  makeDriver: (target: DriverTarget) => Promise<MakeResult>;
  /** `npm run build`; its exit code. */
  build: () => Promise<number>;
  /** Electron on the app folder; its exit code. */
  launch: (binary: string) => Promise<number>;
  /** Progress, on stdout. */
  say: (line: string) => void;
  /** The one line that ends a start that cannot go on, on stderr. */
  fail: (line: string) => void;
};

const NETWORK_ERROR = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|request to \S+ failed/i;

/** The shortest true account of a failed download or build, for the one line. */
export function shortReason(output: string): string {
  if (NETWORK_ERROR.test(output)) return 'its download host cannot be reached from this machine';
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => /error/i.test(line));
  return (error ?? lines.at(-1) ?? 'no output').slice(0, 160);
}

export const USE_THE_WEB_HOST = 'Run `npm run start:web` to use Aftertab in a browser instead.';

/**
 * `npm start`: the Electron binary (downloaded on first use), Electron's build of the SQLite
 * driver (made when missing or made for another Electron), the renderer and main bundles, then
 * the app. A step that cannot be done here ends the start with one line saying which and why,
 * before anything is built or any data folder is opened.
 */
export async function startDesktop(deps: DesktopStartDeps): Promise<number> {
  let binary = deps.findBinary();
  if (binary === null) {
    deps.say('Downloading the Electron binary (once)…');
    const download = await deps.downloadElectron();
    binary = deps.findBinary();
    if (binary === null) {
      deps.fail(`Aftertab's desktop app cannot start on this machine: the Electron binary is not installed and could not be downloaded (${shortReason(download.output)}). ${USE_THE_WEB_HOST}`);
      return 1;
    }
  }

  const target = deps.target();
  const status = deps.driverStatus(target);
  if (status.state !== 'ready') {
    deps.say(status.state === 'missing' ? `No SQLite driver for Electron ${target.electron} yet; making it (once).` : `The SQLite driver for Electron is out of date (${status.reason}); making it again.`);
    const made = await deps.makeDriver(target);
    if (!made.ok) {
      deps.fail(`Aftertab's desktop app cannot start on this machine: no SQLite driver for ${describeTarget(target)} could be made (${shortReason(made.reason)}). ${USE_THE_WEB_HOST}`);
      return 1;
    }
    deps.say(`Made the SQLite driver for Electron ${target.electron} (${made.record.madeFrom === 'prebuild' ? 'prebuilt' : 'compiled'}) in ${made.file}.`);
  }

  const built = await deps.build();
  if (built !== 0) {
    deps.fail(`Aftertab's desktop app was not started: \`npm run build\` failed (exit code ${built}); its output is above.`);
    return built;
  }
  return deps.launch(binary);
}
