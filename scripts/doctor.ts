// `npm run doctor [-- --data-dir=<folder>]`: checks what Aftertab needs on this machine and
// prints each problem with its fix. The checks are in electron/doctor/; this file only binds
// them to this checkout, this process and its arguments.
import os from 'node:os';
import path from 'node:path';
import { runChecks } from '../electron/doctor/checks';
import { realDoctorDeps } from '../electron/doctor/deps';
import { exitCodeOf, formatReport } from '../electron/doctor/report';

const appRoot = path.join(__dirname, '..');

async function main(): Promise<void> {
  const results = await runChecks(realDoctorDeps({ appRoot, argv: process.argv.slice(2), env: process.env, home: os.homedir() }));
  console.log(formatReport(results));
  process.exitCode = exitCodeOf(results);
}

void main();
