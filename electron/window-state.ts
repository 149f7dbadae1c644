import Store from 'electron-store';
import { z } from 'zod';

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowBounds = { x?: number; y?: number; width: number; height: number; maximized: boolean };
export type WindowStateStore = { load(): WindowBounds | undefined; save(bounds: WindowBounds): void };

export const MIN_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;

// The file is edited by nobody but us, yet a crash or a hand edit can leave anything in it.
const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** Window bounds in `<cwd>/window-state.json`, next to the ledger they belong to. */
export function createWindowStateStore(options: { cwd?: string } = {}): WindowStateStore {
  // A file broken by a crash or a hand edit is read as empty: a window must open whatever is in it.
  const store = new Store<{ bounds?: WindowBounds }>({ name: 'window-state', clearInvalidConfig: true, ...(options.cwd ? { cwd: options.cwd } : {}) });
  return {
    load() {
      const parsed = boundsSchema.safeParse(store.get('bounds'));
      return parsed.success ? parsed.data : undefined;
    },
    save(bounds) {
      store.set('bounds', bounds);
    },
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Saved bounds made safe to reuse: never below the minimum size, and without a position when
 * the display it was on is gone, so the window cannot open somewhere nobody can see it.
 */
export function fitBounds(saved: WindowBounds | undefined, workAreas: readonly Rect[]): WindowBounds {
  const width = Math.max(saved?.width ?? DEFAULT_SIZE.width, MIN_SIZE.width);
  const height = Math.max(saved?.height ?? DEFAULT_SIZE.height, MIN_SIZE.height);
  const maximized = saved?.maximized ?? false;
  if (saved?.x === undefined || saved.y === undefined) return { width, height, maximized };
  const rect = { x: saved.x, y: saved.y, width, height };
  return workAreas.some((area) => overlaps(rect, area)) ? { ...rect, maximized } : { width, height, maximized };
}
