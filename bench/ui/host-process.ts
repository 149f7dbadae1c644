import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseHostLink } from './report';

const ROOT = path.join(__dirname, '..', '..');
/** The built web host, started exactly as `npm run start:web` starts it; the renderer it serves sits beside it. */
export const WEB_HOST_FILE = path.join(ROOT, 'dist', 'electron', 'web-host.cjs');
const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');

/** A web host in its own process: the link it printed (url and per-launch secret), and how to stop it. */
export type HostProcess = { url: string; secret: string; link: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Refuses to run without a build, and says so when the sources changed after it: the bench
 * measures dist/, not the checkout.
 */
export function checkBuild(): void {
  if (!fs.existsSync(WEB_HOST_FILE) || !fs.existsSync(RENDERER_INDEX)) {
    throw new Error(`no build in ${path.join(ROOT, 'dist')}: run "npm run build" first (the UI bench drives the built renderer and web host)`);
  }
  const built = Math.min(fs.statSync(WEB_HOST_FILE).mtimeMs, fs.statSync(RENDERER_INDEX).mtimeMs);
  const newer = ['renderer', 'shared', 'electron'].flatMap((dir) => newerFiles(path.join(ROOT, dir), built));
  if (newer.length > 0)
    console.warn(
      `warning: ${newer.length} source files changed after the last build (e.g. ${path.relative(ROOT, newer[0] as string)}); run "npm run build" to measure them`,
    );
}

function newerFiles(dir: string, than: number): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) return [];
    const file = path.join(entry.parentPath, entry.name);
    return fs.statSync(file).mtimeMs > than ? [file] : [];
  });
}

/** Starts the host on dataDir (any free port) and resolves once it has printed its link. */
export function spawnHost(dataDir: string, timeoutMs = 30_000): Promise<HostProcess> {
  const child = spawn(process.execPath, [WEB_HOST_FILE, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the web host printed no link within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const link = parseHostLink(stdout);
      if (!link) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data').resume();
      resolve({ ...link, link: `${link.url}#secret=${link.secret}`, child, stop: () => stopHost(child, exited) });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited (${String(code)}) before printing its link; stderr: ${stderr}`));
    });
  });
}

/** A clean stop, as a service manager would ask for one (the host backs up and checkpoints first). */
async function stopHost(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
