import { DomainError } from '../../shared/errors';

/** A network printer's failure in words the counter can act on, by the socket's error code. */
export function networkPrinterError(host: string, port: number, error: unknown): DomainError {
  const code = (error as { code?: unknown } | null)?.code;
  const where = { host, port };
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return new DomainError('printer_failed', 'errors.printer.refused', where);
  if (code === 'ETIMEDOUT' || code === 'PRINTER_TIMEOUT') return new DomainError('printer_failed', 'errors.printer.timeout', where);
  if (typeof code === 'string' && ['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN'].includes(code)) {
    return new DomainError('printer_failed', 'errors.printer.unreachable', { ...where, problem: code });
  }
  return new DomainError('printer_failed', 'errors.printer.network', { ...where, problem: error instanceof Error ? error.message : String(error) });
}

/** A print queue that did not take the job: its command's own words, trimmed to one line. */
export function queueFailed(queue: string, problem: string): DomainError {
  const words = problem.replace(/\s+/g, ' ').trim().slice(0, 300);
  return new DomainError('printer_failed', 'errors.printer.queueFailed', { queue, problem: words || '?' });
}

export function queueTimeout(queue: string): DomainError {
  return new DomainError('printer_failed', 'errors.printer.queueTimeout', { queue });
}

export function queueCommandMissing(command: string): DomainError {
  return new DomainError('printer_failed', 'errors.printer.queueMissing', { command });
}

export function noPrinter(): DomainError {
  return new DomainError('printer_none', 'errors.printer.none');
}
