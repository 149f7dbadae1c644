import net from 'node:net';
import { networkPrinterError } from './printer-errors';

export type NetworkTimeouts = {
  /** A printer that is off or on another network: say so rather than keep the counter waiting. */
  connectMs: number;
  /** The whole job, once connected (a printer out of paper stops reading). */
  writeMs: number;
};

export const NETWORK_TIMEOUTS: NetworkTimeouts = { connectMs: 4000, writeMs: 15_000 };

/**
 * Sends a job to a printer's raw port (9100): connect, write every byte, half-close. Done once the
 * bytes have left for the printer; a refused connection, a timeout or a lost network is a
 * DomainError in words (printer-errors.ts).
 */
export function sendToNetworkPrinter(host: string, port: number, bytes: Uint8Array, timeouts: NetworkTimeouts = NETWORK_TIMEOUTS): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) {
        // The printer closes its side when it has read everything; one that never does is let go.
        setTimeout(() => socket.destroy(), 2000).unref();
        resolve();
      } else {
        socket.destroy();
        reject(networkPrinterError(host, port, error));
      }
    };
    let timer = setTimeout(() => finish({ code: 'PRINTER_TIMEOUT' }), timeouts.connectMs);
    socket.on('error', (error) => finish(error));
    // A printer may answer with status bytes: read and dropped, so its side never stalls the job.
    socket.resume();
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ code: 'PRINTER_TIMEOUT' }), timeouts.writeMs);
      socket.end(Buffer.from(bytes), () => finish());
    });
  });
}
