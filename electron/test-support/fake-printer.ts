import net from 'node:net';

/** One connection's bytes, as a network receipt printer would have received them. */
export type PrintJob = { bytes: Buffer; at: number };

export type FakePrinter = {
  host: '127.0.0.1';
  port: number;
  /** Every job received so far, one per connection, in the order they ended. */
  jobs: PrintJob[];
  /** Resolves with job number `index` (0-based) once it has arrived whole; rejects after `timeoutMs`. */
  job(index: number, timeoutMs?: number): Promise<PrintJob>;
  close(): Promise<void>;
};

/**
 * A receipt printer's raw port on 127.0.0.1 (a random free port): it reads each connection to its
 * end, keeps the bytes, and closes. Tests decode what it kept (escpos-decoder.ts).
 */
export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: PrintJob[] = [];
  const waiting = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('end', () => {
      jobs.push({ bytes: Buffer.concat(chunks), at: Date.now() });
      socket.end();
      for (const wake of [...waiting]) wake();
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    jobs,
    job(index, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = jobs[index];
          if (!found) return false;
          waiting.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiting.delete(wake);
          reject(new Error(`the fake printer got ${jobs.length} job(s), not job ${index + 1}, within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(wake);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (a printer that is switched off). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
