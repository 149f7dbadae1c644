import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFolders } from './test-support/temp-folders';

vi.mock('electron-store', async () => ({ default: (await import('./test-support/conf-store')).ConfStore }));

const { createWindowStateStore } = await import('./window-state');

const tempFolder = tempFolders('aftertab-window-');

describe('window-state.json on disk', () => {
  it('opens the window at the default size when a crash left the file unreadable', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds": {"width": 12');
    const store = createWindowStateStore({ cwd: dir });
    expect(store.load()).toBeUndefined();
    store.save({ width: 1300, height: 900, maximized: true });
    expect(createWindowStateStore({ cwd: dir }).load()).toEqual({ width: 1300, height: 900, maximized: true });
  });
});
