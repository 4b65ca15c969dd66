/**
 * The CSV body of GET /api/admin/export (api-rest-challenges-admin §7.3), written by csv-stringify: a UTF-8
 * BOM, `,` delimiter, minimal quoting, `\r\n` line ends, `True` / `False`, empty cells for nulls, Python
 * `isoformat()` timestamps, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return) prefixed with `'`. Rows are pulled from core one at a time as the client reads, so a
 * large export never sits in memory; a client that goes away stops the reads.
 */
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Logger } from 'pino';

import type { AdminExportDto, ExportCell } from '@mathakine/core';

import { formatPyFloat, pyIsoformat } from '../legacy/format.ts';

export const EXPORT_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Columns the legacy wrote as Python floats (`12.0`). */
const FLOAT_COLUMNS = new Set(['time_spent']);

const cellText = (value: ExportCell, float: boolean): string => {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return pyIsoformat(value);
  if (typeof value === 'number') return float ? formatPyFloat(value) : String(value);
  return value;
};

async function* records(dto: AdminExportDto): AsyncGenerator<string[]> {
  yield [...dto.columns];
  const floats = dto.columns.map((c) => FLOAT_COLUMNS.has(c));
  for await (const row of dto.rows) yield row.map((v, i) => cellText(v, floats[i] ?? false));
}

const encoder = new TextEncoder();

/** The export as a byte stream pulled by the response (backpressure all the way to the database). */
export const exportCsvStream = (dto: AdminExportDto, log: Logger): ReadableStream<Uint8Array> => {
  const csv = pipeline(
    Readable.from(records(dto)),
    stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true }),
    (err) => {
      if (err) log.error({ err, type: dto.type }, 'CSV export interrupted');
    },
  );
  const chunks = csv[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const next = await chunks.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(
        typeof next.value === 'string' ? encoder.encode(next.value) : new Uint8Array(next.value),
      );
    },
    cancel: async () => {
      csv.destroy();
      await chunks.return?.();
    },
  });
};
