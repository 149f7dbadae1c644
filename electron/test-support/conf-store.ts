import Conf from 'conf';

/**
 * electron-store is conf plus Electron's default folder; with an explicit cwd it is conf with
 * the name as configName. Tests mock electron-store with this, so the real conf reads and
 * writes the files (broken ones included) as the app would.
 */
export class ConfStore<T extends Record<string, unknown>> extends Conf<T> {
  constructor({ name, ...options }: { name: string; cwd: string; clearInvalidConfig?: boolean }) {
    super({ ...options, configName: name });
  }
}
