import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { closedPort, startFakePrinter, type FakePrinter } from '../test-support/fake-printer';
import { sendToNetworkPrinter } from './network-printer';

const printers: FakePrinter[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.close();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("a network printer's raw port", () => {
  it('gets every byte of the job on one connection, which ends when the job is sent', async () => {
    const printer = await startFakePrinter();
    printers.push(printer);
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    await sendToNetworkPrinter(printer.host, printer.port, bytes);
    const job = await printer.job(0);
    expect(job.bytes.equals(Buffer.from(bytes))).toBe(true);
    expect(printer.jobs).toHaveLength(1);
  });

  it('says in words when the printer refuses the connection (switched off, wrong port)', async () => {
    const port = await closedPort();
    const error = await refusal(sendToNetworkPrinter('127.0.0.1', port, Uint8Array.of(0x1b, 0x40)));
    expect([error.code, error.key, error.params]).toEqual(['printer_failed', 'errors.printer.refused', { host: '127.0.0.1', port }]);
    expect(error.message).toContain(`127.0.0.1, port ${port} refused the connection`);
  });

  it('gives up on a printer that stops reading (out of paper) once the job has taken too long', async () => {
    const held: net.Socket[] = [];
    const server = net.createServer((socket) => {
      socket.pause();
      held.push(socket);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const started = Date.now();
    const error = await refusal(sendToNetworkPrinter('127.0.0.1', port, new Uint8Array(64 * 1024 * 1024), { connectMs: 2000, writeMs: 200 }));
    expect([error.code, error.key]).toEqual(['printer_failed', 'errors.printer.timeout']);
    expect(Date.now() - started).toBeLessThan(5000);
    for (const socket of held) socket.destroy();
  });

  it('says a host name that does not resolve cannot be reached', async () => {
    const error = await refusal(sendToNetworkPrinter('printer.invalid', 9100, Uint8Array.of(0x1b, 0x40), { connectMs: 4000, writeMs: 1000 }));
    expect(error.code).toBe('printer_failed');
    expect(['errors.printer.unreachable', 'errors.printer.timeout']).toContain(error.key);
  });
});
