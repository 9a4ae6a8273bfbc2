import { describe, expect, it } from 'vitest';
import { UPLOAD_STORAGE_FULL_MESSAGE } from '#server/platform/storage/storage-full.ts';
import { uploadRefusal } from '#web/components/material/uploadRefusal.ts';

const body = (code: string, message: string) => JSON.stringify({ code, message });

describe('what a stopped upload tells the person uploading', () => {
  it('shows the platform’s own message for a full store, and lets 「重试」 continue later', () => {
    expect(uploadRefusal(507, body('STORAGE_FULL', UPLOAD_STORAGE_FULL_MESSAGE))).toEqual({
      message: UPLOAD_STORAGE_FULL_MESSAGE,
      refused: false,
    });
  });

  it('shows a refusal’s message and marks it final, but not a clash with another upload', () => {
    expect(uploadRefusal(403, body('DEADLINE_PASSED', '提交截止时间已过。'))).toEqual({
      message: '提交截止时间已过。',
      refused: true,
    });
    expect(uploadRefusal(409, body('UPLOAD_IN_PROGRESS', '这个文件正在另一处上传。')).refused).toBe(false);
  });

  it('says what the status means when the answer carries no message', () => {
    expect(uploadRefusal(502, '<html>Bad Gateway</html>').message).toMatch(/稍后点击「重试」/);
    expect(uploadRefusal(401, '').message).toMatch(/重新登录/);
    expect(uploadRefusal(0, '').message).toMatch(/网络中断/);
  });
});
