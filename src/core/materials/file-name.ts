/**
 * Upload names become part of download names and archive entries, so a name that could climb out of a
 * folder (`../`), hide characters, or break on Windows is refused up front with what to rename.
 */
import { error, type Finding } from '../findings.ts';

/** Most file systems store at most 255 bytes per name; a Chinese character is 3 bytes in UTF-8. */
export const MAX_FILE_NAME_BYTES = 255;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SEPARATOR = /[/\\]/;
/** Reserved on Windows, where reviewers open the downloads. */
const WINDOWS_RESERVED = /[<>:"|?*]/;

export function checkFileName(name: string): Finding[] {
  const field = 'fileName';
  if (name.trim() === '')
    return [error('FILE_NAME_EMPTY', field, '文件名为空，请给文件起一个名字后重新上传。')];
  if (SEPARATOR.test(name)) {
    return [error('FILE_NAME_PATH', field, '文件名中含有路径分隔符（/ 或 \\），请只保留文件本身的名字。')];
  }
  if (name === '.' || name === '..' || name.includes('..')) {
    return [error('FILE_NAME_PATH', field, '文件名中含有“..”，请改名，例如“张三-证件照.jpg”。')];
  }
  if (CONTROL.test(name)) {
    return [error('FILE_NAME_CONTROL', field, '文件名中含有不可见的控制字符，请重新输入文件名。')];
  }
  if (WINDOWS_RESERVED.test(name)) {
    return [
      error('FILE_NAME_RESERVED', field, '文件名中含有 < > : " | ? * 等字符，请删去这些字符后重新上传。'),
    ];
  }
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_FILE_NAME_BYTES) {
    return [
      error(
        'FILE_NAME_TOO_LONG',
        field,
        `文件名过长（${[...name].length} 个字符），请缩短到 80 个汉字或 255 个英文字母以内。`,
      ),
    ];
  }
  return [];
}
