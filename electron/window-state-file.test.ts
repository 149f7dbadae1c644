import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron-store', async () => ({ default: (await import('./test-support/conf-store')).ConfStore }));

const { createWindowStateStore } = await import('./window-state');

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('window-state.json on disk', () => {
  it('opens the window at the default size when a crash left the file unreadable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-window-'));
    folders.push(dir);
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds": {"width": 12');
    const store = createWindowStateStore({ cwd: dir });
    expect(store.load()).toBeUndefined();
    store.save({ width: 1300, height: 900, maximized: true });
    expect(createWindowStateStore({ cwd: dir }).load()).toEqual({ width: 1300, height: 900, maximized: true });
  });
});
