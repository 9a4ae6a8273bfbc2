/**
 * Chinese file names for downloads. Names come from what units typed (a programme name may hold “/”
 * or quotes), so characters Windows and macOS refuse are replaced, and the length is bounded: a
 * Windows path keeps under its 260-character limit even inside a nested 报送 folder.
 */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;
const MAX_CHARACTERS = 60;

/** A name for a file or folder without its extension: refused characters replaced, length bounded. */
export function safeName(base: string, fallback = '文件'): string {
  const cleaned = [...base.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()]
    .slice(0, MAX_CHARACTERS)
    .join('')
    .replace(/^\.+/, '')
    // Windows drops a trailing dot or space from a folder name, and then cannot find the folder.
    .replace(/[. ]+$/, '');
  return cleaned || fallback;
}

export function safeFileName(base: string, extension: string): string {
  return `${safeName(base)}.${extension}`;
}

/** 百姓学习之星推介表-张三.docx */
export function formFileName(title: string, nomineeName: string, extension: string): string {
  return safeFileName(nomineeName ? `${title}-${nomineeName}` : title, extension);
}

/** The `content-disposition` of a download with a Chinese name (RFC 6266 / 5987), ASCII fallback first. */
export function attachmentDisposition(fileName: string): string {
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
  return `attachment; filename="document${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
