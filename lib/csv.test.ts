import { describe, expect, it } from 'vitest';
import { csvField, csvOf } from './csv';

describe('csv', () => {
  it('quotes fields with quotes, commas and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('Ünïcødé ✓')).toBe('Ünïcødé ✓');
  });

  it('writes numbers, booleans and empty cells as they are', () => {
    expect(csvField(0)).toBe('0');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('turns text a spreadsheet would run as a formula into text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes a header and a CRLF-terminated record per row', () => {
    expect(
      csvOf(
        ['id', 'subject', 'value'],
        [
          ['c1', 'Refund, please', 5],
          ['c2', null, true],
        ],
      ),
    ).toBe('id,subject,value\r\nc1,"Refund, please",5\r\nc2,,true\r\n');
    expect(csvOf(['only'], [])).toBe('only\r\n');
  });
});
