import { describe, expect, it } from 'vitest';
import { checkAttachment, sniffAttachmentType } from './attachment.rules.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const WEBP = new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')]);
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n'));

describe('sniffAttachmentType', () => {
  it.each([
    [PNG, 'image/png'], [JPG, 'image/jpeg'], [WEBP, 'image/webp'], [PDF, 'application/pdf'],
    [new Uint8Array(Buffer.from('hello, this is text')), null],
    [new Uint8Array(Buffer.from('PK\u0003\u0004zip')), null],
    [new Uint8Array(Buffer.from('RIFF1234WAVEfmt ')), null],
    [bytes(0x89, 0x50), null],
    [bytes(), null],
  ])('%#: %s', (b, t) => expect(sniffAttachmentType(b)).toBe(t));
});

describe('checkAttachment', () => {
  const max = 5 * 1_048_576;
  it.each([
    [{ fileName: '整改照片.png', size: 1000, head: PNG }, null],
    [{ fileName: 'scan.pdf', size: max, head: PDF }, null],
    [{ fileName: 'a.png', size: 0, head: bytes() }, 'empty'],
    [{ fileName: 'big.jpg', size: max + 1, head: JPG }, 'too_large'],
    [{ fileName: 'virus.png', size: 100, head: new Uint8Array(Buffer.from('MZ\u0090\u0000')) }, 'unsupported_type'],
    [{ fileName: '../../etc/passwd', size: 100, head: PNG }, 'bad_name'],
    [{ fileName: '  ', size: 100, head: PNG }, 'bad_name'],
  ] as const)('%#', (f, kind) => {
    const r = checkAttachment(f, max);
    expect(r?.kind ?? null).toBe(kind);
  });
  it('names the limit in the message', () => expect(checkAttachment({ fileName: 'x.jpg', size: max + 1, head: JPG }, max)?.message).toBe('文件过大：不超过 5 MB'));
});
