import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import { isThermal, type ThermalPrinter } from '../../shared/device-types';
import { DomainError, type AppError } from '../../shared/errors';
import { isErrorKey } from '../../shared/i18n/errors-en';
import { confirmationDoc } from '../../shared/paper/confirmation';
import { dayReportDoc } from '../../shared/paper/day-report';
import { previewPaper } from '../../shared/paper/layout';
import type { PaperDoc, PaperPreview, PrintOutcome, PrintTarget } from '../../shared/paper/paper-doc';
import { paperTools, type PaperTools } from '../../shared/paper/paper-tools';
import { receiptDoc } from '../../shared/paper/receipt';
import { refundDoc } from '../../shared/paper/refund';
import { slipDoc } from '../../shared/paper/slip';
import { testPrintDoc } from '../../shared/paper/test-print';
import type { PaperDocumentRef } from '../../shared/printer-schemas';
import type { Staff, StoreSettings } from '../../shared/types';
import type { DevicePreferencesStore } from '../device-preferences';
import type { HostHandlers } from '../ipc/host-commands';
import type { LedgerHost } from '../ledger-host/ledger-host';
import type { Logger } from '../logger';
import type { Clock } from '../services/context';
import { drawerOpensFor, settledTabOf } from './after-commit';
import { encodeEscPos, printableLines } from './escpos';
import { NETWORK_TIMEOUTS, sendToNetworkPrinter, type NetworkTimeouts } from './network-printer';
import { noPrinter } from './printer-errors';
import { sendToQueue, type QueueOptions } from './queue-printer';

export type PrintingOptions = {
  host: Pick<LedgerHost, 'current' | 'emit'>;
  device: DevicePreferencesStore;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  network?: NetworkTimeouts;
  queue?: QueueOptions;
};

/** A command that has just committed, as the router hands it over. */
export type Committed = { name: CommandName; input: unknown; value: unknown; actor: Staff };

export type Printing = {
  handlers: Pick<HostHandlers, 'print.test' | 'print.preview' | 'print.document'>;
  /** After a command committed: kick the drawer, print the receipt. Never throws; a failure is an event. */
  afterCommit(committed: Committed): void;
  /** Resolves once every job sent so far is done (tests, a clean stop). */
  idle(): Promise<void>;
};

type Read = <N extends CommandName>(name: N, input: CommandInput<N>) => CommandResult<N>;

/**
 * This PC's thermal printing. Every paper is built here from the ledger, read as the person asking
 * (so printing a Z needs what reading one needs), laid out on the roll, made printable and encoded:
 * the preview a screen shows is exactly the lines that print. Jobs go out one at a time.
 */
export function createPrinting(options: PrintingOptions): Printing {
  const { host, device, clock } = options;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  }

  function reader(actor: Staff | null): Read {
    return (name, input) => {
      const app = host.current();
      if (!app || !actor) throw new DomainError('unauthorized', 'errors.notSignedIn');
      const result = app.dispatcher.dispatch(name, { input }, { staffId: actor.id });
      if (!result.ok) throw domainErrorOf(result.error);
      return result.value as CommandResult<typeof name>;
    };
  }

  function thermalPrinter(): ThermalPrinter {
    const printer = device.load().printer;
    if (!isThermal(printer)) throw noPrinter();
    return printer;
  }

  function preview(ref: PaperDocumentRef, actor: Staff | null): PaperPreview {
    // The document first: one the person may not read is refused as reading it would be.
    const doc = documentOf(ref, reader(actor));
    return laidOut(doc, thermalPrinter());
  }

  async function send(printer: ThermalPrinter, bytes: Uint8Array): Promise<void> {
    if (printer.kind === 'escpos-network') await sendToNetworkPrinter(printer.host, printer.port, bytes, options.network ?? NETWORK_TIMEOUTS);
    else await sendToQueue(printer.queue, bytes, options.queue);
  }

  async function print(printer: ThermalPrinter, laid: PaperPreview): Promise<PrintOutcome> {
    await serial(() => send(printer, encodeEscPos({ columns: laid.columns, lines: laid.lines, kick: false, cut: true })));
    return { target: targetOf(printer), lines: laid.lines.length };
  }

  function report(job: 'drawer' | 'receipt', error: unknown): void {
    const appError: AppError = error instanceof DomainError ? error.toJSON() : new DomainError('printer_failed', 'errors.internal').toJSON();
    options.logger.warn('the receipt printer failed after a command', { job, code: appError.code, key: appError.key ?? '', problem: appError.message });
    host.emit({ type: 'printer.problem', job, error: appError });
  }

  return {
    handlers: {
      'print.preview': (input, actor) => preview(input, actor),
      'print.document': async (input, actor) => {
        const laid = preview(input, actor);
        return print(thermalPrinter(), laid);
      },
      'print.test': async (_input, actor) => {
        const printer = thermalPrinter();
        const store = reader(actor)('store.get', {});
        const p = toolsOf(store);
        return print(printer, laidOut(testPrintDoc(store, printer, targetWords(targetOf(printer), p), clock().toISOString(), p), printer));
      },
    },
    afterCommit({ name, input, value, actor }) {
      try {
        const printer = device.load().printer;
        if (!isThermal(printer)) return;
        const kick = printer.drawer && drawerOpensFor(name, input, value);
        const tabId = printer.autoReceipt ? settledTabOf(name, value) : null;
        if (!kick && tabId === null) return;
        let receipt: PaperPreview | null = null;
        if (tabId !== null) {
          try {
            receipt = laidOut(documentOf({ document: 'receipt', tabId }, reader(actor)), printer);
          } catch (error) {
            report('receipt', error);
          }
        }
        if (!kick && !receipt) return;
        // One job: the drawer opens as the receipt prints, and neither waits for the other to connect.
        const bytes = encodeEscPos({ columns: receipt?.columns ?? 32, lines: receipt?.lines ?? [], kick, cut: receipt !== null });
        void serial(() => send(printer, bytes)).catch((error: unknown) => {
          if (kick) report('drawer', error);
          if (receipt) report('receipt', error);
        });
      } catch (error) {
        report('drawer', error);
      }
    },
    idle: () => queue.then(() => undefined),
  };
}

function laidOut(doc: PaperDoc, printer: ThermalPrinter): PaperPreview {
  const laid = previewPaper(doc, printer.paper);
  return { ...laid, lines: printableLines(laid.lines) };
}

function toolsOf(store: StoreSettings, place: { currency: string; locale: string } = store): PaperTools {
  return paperTools({ currency: place.currency, locale: place.locale, timeZone: store.timeZone }, store.language);
}

/** The paper a reference names, read from the ledger as `read`'s person may read it. */
export function documentOf(ref: PaperDocumentRef, read: Read): PaperDoc {
  const store = read('store.get', {});
  switch (ref.document) {
    case 'receipt':
      return receiptDoc(read('tab.get', { tabId: ref.tabId }), store, toolsOf(store));
    case 'slip':
      return slipDoc(read('tab.get', { tabId: ref.tabId }), store, toolsOf(store));
    case 'confirmation':
      return confirmationDoc(read('appointment.get', { appointmentId: ref.appointmentId }), store, toolsOf(store));
    case 'z': {
      // A Z keeps the currency and locale it was closed in.
      const report = read('report.z', { zNumber: ref.zNumber });
      return dayReportDoc(report, store.taxRates, toolsOf(store, report));
    }
    case 'x': {
      const report = read('report.x', ref.businessDate === undefined ? {} : { businessDate: ref.businessDate });
      return dayReportDoc(report, store.taxRates, toolsOf(store, report));
    }
    case 'refund':
      return refundDoc(read('refund.receipt', { refundId: ref.refundId }), store, toolsOf(store));
  }
}

export function targetOf(printer: ThermalPrinter): PrintTarget {
  return printer.kind === 'escpos-network' ? { kind: 'network', host: printer.host, port: printer.port } : { kind: 'queue', queue: printer.queue };
}

function targetWords(target: PrintTarget, p: PaperTools): string {
  return target.kind === 'network'
    ? p.tr('print.target.network', { host: target.host, port: String(target.port) })
    : p.tr('print.target.queue', { queue: target.queue });
}

/** A refusal from a read the host made for a page, passed on as it came. */
function domainErrorOf(error: AppError): DomainError {
  return new DomainError(error.code, error.key && isErrorKey(error.key) ? error.key : 'errors.internal', error.params ?? {}, error.field);
}
