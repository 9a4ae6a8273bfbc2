/**
 * What a stopped upload tells the person uploading: the platform's own Chinese message when its answer
 * carries one (a full store, a refused file, an ended deadline), otherwise what the status means for them.
 * `refused` says whether 「重试」 would be refused again: a 4xx other than a clash (409/423) is final; a
 * 5xx, a lost connection or a full store (507: the platform keeps what arrived) can be retried later.
 */
export function uploadRefusal(status: number, responseText: string): { message: string; refused: boolean } {
  const refused = status >= 400 && status < 500 && status !== 409 && status !== 423;
  if (status >= 400) {
    const message = messageOf(responseText);
    if (message) return { message, refused };
    if (status === 401) return { message: '登录已失效，请重新登录后继续上传。', refused: false };
    if (status < 500) return { message: '上传未被接受，请刷新页面后重试。', refused: true };
    return { message: '上传时平台出错，请稍后点击「重试」；已上传的部分会保留。', refused: false };
  }
  return { message: '网络中断，上传已停止。请检查网络后点击「重试」，将从中断处继续。', refused: false };
}

function messageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' && body.message ? body.message : undefined;
  } catch {
    return undefined; // not JSON (a proxy's page, an empty answer)
  }
}
