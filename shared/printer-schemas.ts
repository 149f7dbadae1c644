import { z } from 'zod';
import { DEFAULT_PRINTER_PORT, printerPapers, thermalPapers } from './device-types';
import * as s from './schemas';

/** A host name or an IPv4 address (labels of letters, digits and hyphens), or an IPv6 address. */
const hostName = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const ipv6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

export const printerHost = z
  .string()
  .trim()
  .min(1, 'errors.field.printerHost')
  .max(253, 'errors.field.printerHost')
  .refine((value) => hostName.test(value) || ipv6.test(value), 'errors.field.printerHost');

export const printerPort = z
  .number({ error: 'errors.field.printerPort' })
  .int('errors.field.printerPort')
  .min(1, 'errors.field.printerPort')
  .max(65_535, 'errors.field.printerPort');

/**
 * A print queue's name as the system knows it (CUPS: "TM-T20"; Windows: "EPSON TM-T20II Receipt",
 * "\\till\receipt"). It goes to `lp` and the spooler as one argument, never through a shell; one
 * that starts with "-" would read as an option to `lp`, and a line break is no part of a name.
 */
export const printerQueue = s
  .readableText(127)
  .min(1, 'errors.field.printerQueue')
  .refine((value) => !value.startsWith('-') && !/[\r\n]/.test(value), 'errors.field.printerQueue');

const thermalOptions = {
  paper: z.enum(thermalPapers),
  /** The printer drives the cash drawer: a cash payment kicks it open. */
  drawer: z.boolean().default(false),
  /** A tab settled on this PC prints its receipt by itself. */
  autoReceipt: z.boolean().default(false),
};

/** device.update's printer: the system's printing (as before, so `kind` may be left out), or a thermal printer. */
export const printerUpdate = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('system').optional(),
      /** paper 'none': no receipt printer; an empty name: the system's default printer. */
      paper: z.enum([...printerPapers, 'none']),
      name: s.readableText(80),
    })
    .strict(),
  z.object({ kind: z.literal('escpos-network'), ...thermalOptions, host: printerHost, port: printerPort.default(DEFAULT_PRINTER_PORT) }).strict(),
  z.object({ kind: z.literal('escpos-queue'), ...thermalOptions, queue: printerQueue }).strict(),
]);

/**
 * A paper a PC may print, named by what it is about: the host reads it from the ledger as the
 * person asking may read it and lays it out itself. A page never sends the text or the bytes.
 */
export const paperDocument = z.discriminatedUnion('document', [
  z.object({ document: z.literal('receipt'), tabId: s.id }).strict(),
  z.object({ document: z.literal('slip'), tabId: s.id }).strict(),
  z.object({ document: z.literal('confirmation'), appointmentId: s.id }).strict(),
  z.object({ document: z.literal('z'), zNumber: s.id }).strict(),
  z.object({ document: z.literal('x'), businessDate: s.businessDate.optional() }).strict(),
  z.object({ document: z.literal('refund'), refundId: s.id }).strict(),
]);
export type PaperDocumentRef = z.output<typeof paperDocument>;
