import { describe, expect, it } from 'vitest';
import { judgeScan } from './scan.ts';

describe('a stamped scan', () => {
  it('is kept as a PDF or a JPEG, judged by its bytes', () => {
    expect(judgeScan({ kind: 'document', format: 'pdf', bytes: 1000 })).toEqual({ format: 'pdf' });
    expect(
      judgeScan({
        kind: 'image',
        format: 'jpeg',
        bytes: 1000,
        width: 100,
        height: 100,
        dpi: 'unknown',
        dpiSource: 'none',
      } as never),
    ).toEqual({ format: 'jpeg' });
  });

  it('is refused as anything else, or damaged, with the reason in Chinese', () => {
    const docx = judgeScan({ kind: 'document', format: 'docx', bytes: 1000 });
    expect(docx).toMatchObject({
      findings: [{ code: 'SCAN_FORMAT', message: expect.stringContaining('PDF 或 JPEG') }],
    });
    const cut = judgeScan({ kind: 'unreadable', code: 'TRUNCATED', reason: 'PDF 文件不完整' } as never);
    expect(cut).toMatchObject({ findings: [{ code: 'SCAN_UNREADABLE', message: 'PDF 文件不完整' }] });
  });
});
