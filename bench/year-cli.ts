import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateYear, YEAR_DATA_VERSION } from './year-data';

/**
 * npm run gen:year -- [--out <file>] [--days 365] [--tabs 300] [--seed N] [--start YYYY-MM-DD] [--no-command-log]
 * Writes a year of café business days through the real services (see year-data.ts).
 */
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    days: { type: 'string', default: '365' },
    tabs: { type: 'string', default: '300' },
    seed: { type: 'string' },
    start: { type: 'string' },
    'no-command-log': { type: 'boolean', default: false },
  },
  strict: true,
});

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number (got ${text})`);
  return n;
}

const out = path.resolve(values.out ?? path.join('bench', '.cache', `year-v${YEAR_DATA_VERSION}.sqlite`));
const days = positiveInt('days', values.days) ?? 365;
const tabs = positiveInt('tabs', values.tabs) ?? 300;
console.log(`Generating ${days} business days (about ${tabs} tabs each) into ${out}`);
const summary = generateYear({
  out,
  days,
  tabsPerDay: tabs,
  ...(values.seed === undefined ? {} : { seed: positiveInt('seed', values.seed) }),
  ...(values.start === undefined ? {} : { startDate: values.start }),
  commandLog: !values['no-command-log'],
  onProgress: (line) => console.log(line),
});
const mb = Math.round(summary.fileBytes / 1e5) / 10;
console.log(`Done in ${Math.round(summary.ms / 100) / 10} s: ${summary.firstDate}..${summary.openDate} (the last day left open)`);
console.log(`  ${summary.tabs} tabs, ${summary.entries} journal entries, ${summary.postings} postings, ${summary.commands} command rows`);
console.log(`  ${summary.fileBytes} bytes (${mb} MB)`);
