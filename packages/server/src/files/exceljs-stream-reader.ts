/**
 * ExcelJS's streaming WorkbookReader with one bug fixed: its XML reader (lib/utils/parse-sax.js) decodes every
 * inflated chunk on its own (`TextDecoder.decode(chunk)` without stream mode), so a multi-byte UTF-8 character that
 * straddles two chunks becomes U+FFFD — Chinese text in a large sheet comes out as "普通���动力" at random places.
 *
 * We load private copies of ExcelJS's workbook/worksheet reader modules with a fixed parse-sax in the module cache
 * (stream-mode decoding), so the fix does not depend on load order and does not touch anyone else's ExcelJS.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

type ReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
let cached: ReaderClass | null = null;

export function fixedWorkbookReader(): ReaderClass {
  if (cached) return cached;
  const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
  const workbookReaderPath = require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js');
  const worksheetReaderPath = require.resolve('exceljs/lib/stream/xlsx/worksheet-reader.js');
  const { SaxesParser } = require(require.resolve('saxes', { paths: [parseSaxPath] })) as { SaxesParser: new () => SaxesLike };

  async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const parser = new SaxesParser();
    let error: unknown;
    parser.on('error', (e: unknown) => { error = e; });
    let events: { eventType: string; value: unknown }[] = [];
    parser.on('opentag', (value: unknown) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value: unknown) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value: unknown) => events.push({ eventType: 'closetag', value }));
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const tail = decoder.decode();
    if (tail) {
      parser.write(tail);
      if (error) throw error;
      yield events;
    }
  }

  // Swap the fixed module in, load private copies of the readers that capture it, then restore the cache.
  const saved = new Map<string, NodeJS.Module | undefined>();
  for (const p of [parseSaxPath, workbookReaderPath, worksheetReaderPath]) { saved.set(p, require.cache[p]); delete require.cache[p]; }
  try {
    const fake = { id: parseSaxPath, filename: parseSaxPath, loaded: true, exports: parseSax, children: [], paths: [] } as unknown as NodeJS.Module;
    require.cache[parseSaxPath] = fake;
    cached = require(workbookReaderPath) as ReaderClass;
  } finally {
    for (const [p, m] of saved) { if (m) require.cache[p] = m; else delete require.cache[p]; }
  }
  return cached;
}

interface SaxesLike {
  on(event: string, fn: (v: unknown) => void): void;
  write(s: string): void;
}
