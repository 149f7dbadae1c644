import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, request, type Browser } from '@playwright/test';
import { OWNER_PIN } from '../../e2e/pages/commands';
import { openApp } from '../../e2e/pages/sign-in-page';
import { BoardPage } from '../../e2e/pages/board-page';
import { round } from '../stats';
import { coldStart, type ColdStart } from './cold-start';
import { checkBuild, spawnHost } from './host-process';
import { board200, pushToCard, rendererHeapMb, tapToLine } from './measures';
import { PROBE_SOURCE, type ProbeScope } from './probe';
import { figureLines } from './report';
import { OPEN_TABS, seedScene } from './scene';

/**
 * The screen's figures (issue 14): the built renderer in Chromium, served by the built web host
 * in its own process, on a ledger of 200 open tabs seeded over HTTP by a signed-in client. Each
 * figure is timed inside the page (performance.now at the action, a MutationObserver at the
 * result); see bench/ui/probe.ts. `npm run build` first.
 */
const SAMPLES = Number(process.env.BENCH_UI_SAMPLES ?? 40);
const COLD_SAMPLES = Number(process.env.BENCH_UI_COLD_SAMPLES ?? 30);
/** Cold starts stop early (and say so) once they have taken this long. */
const COLD_BUDGET_MS = 180_000;
const TARGETS = { tap_to_line: 25, push_to_card: 20, board_200: 50, cold_start: 800 } as const;

function launch(): Promise<Browser> {
  // The system Chromium, as the e2e specs use it: browsers are never downloaded.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
}

async function main(): Promise<void> {
  checkBuild();
  const began = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bench-ui-'));
  const browser = await launch();
  const api = await request.newContext();
  const lines: [string, number][] = [];
  try {
    const host = await spawnHost(dataDir);
    let cards: string;
    try {
      const scene = await seedScene(api, host, OWNER_PIN);
      const context = await browser.newContext();
      await context.addInitScript({ content: PROBE_SOURCE });
      const page = await context.newPage();
      await openApp(page, host.link);
      const tap = await tapToLine(page, scene, SAMPLES);
      const push = await pushToCard(page, scene, SAMPLES);
      const board = await board200(page, scene, SAMPLES);
      const heap = await rendererHeapMb(context, page, scene);
      cards = await new BoardPage(page).tabCards.first().evaluate((card) => (globalThis as unknown as ProbeScope).__uiBench.signature(card));
      await context.close();
      lines.push(...figureLines('tap_to_line', tap, TARGETS.tap_to_line));
      lines.push(...figureLines('push_to_card', push.samples, TARGETS.push_to_card), ['push_to_card_rejected', push.rejected]);
      lines.push(...figureLines('board_200', board, TARGETS.board_200));
      lines.push(['renderer_heap_mb', round(heap, 1)]);
    } finally {
      await host.stop();
    }
    const cold = await coldStarts(browser, dataDir, cards);
    lines.push(
      ...figureLines(
        'cold_start',
        cold.map((c) => c.total),
        TARGETS.cold_start,
      ),
    );
    // The parts, p50 and p95 only: the host's start to its printed link, the spawn to the PIN pad, the Sign in tap to the board.
    lines.push(
      ...figureLines(
        'cold_start_host_link',
        cold.map((c) => c.toLink),
        TARGETS.cold_start,
      ).slice(0, 2),
    );
    lines.push(
      ...figureLines(
        'cold_start_to_pad',
        cold.map((c) => c.toPad),
        TARGETS.cold_start,
      ).slice(0, 2),
    );
    lines.push(
      ...figureLines(
        'cold_start_sign_in_to_board',
        cold.map((c) => c.signInToBoard),
        TARGETS.cold_start,
      ).slice(0, 2),
    );
    if (cold.length < COLD_SAMPLES) console.log(`note: ${cold.length} of ${COLD_SAMPLES} cold starts fitted in ${COLD_BUDGET_MS / 1000} s`);
  } finally {
    await api.dispose();
    await browser.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `Aftertab UI bench: built renderer in Chromium via the web host, ${OPEN_TABS} open tabs, times measured in the page (load average ${round(os.loadavg()[0] ?? 0, 1)})`,
  );
  for (const [key, value] of lines) console.log(`${key}=${value}`);
  console.log(`ui_bench_run_s=${round((performance.now() - began) / 1000, 1)}`);
}

/** Cold starts on the seeded ledger: one thrown away (the disk cache), then up to COLD_SAMPLES within the budget. */
async function coldStarts(browser: Browser, dataDir: string, cards: string): Promise<ColdStart[]> {
  await coldStart(browser, dataDir, OWNER_PIN, cards);
  const began = performance.now();
  const out: ColdStart[] = [];
  while (out.length < COLD_SAMPLES && performance.now() - began < COLD_BUDGET_MS) out.push(await coldStart(browser, dataDir, OWNER_PIN, cards));
  return out;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
