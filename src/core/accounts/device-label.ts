/**
 * A session's browser and system in words an official recognises, from its User-Agent header: enough to
 * tell "my office PC" from "a phone I do not own", never the raw string.
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge 浏览器'],
  [/QQBrowser/, 'QQ 浏览器'],
  [/360SE|360EE/, '360 浏览器'],
  [/MicroMessenger/, '微信内置浏览器'],
  [/Firefox\//, 'Firefox 浏览器'],
  [/Chrome\/|Chromium\//, 'Chrome 浏览器'],
  [/Safari\//, 'Safari 浏览器'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android 手机'],
  [/iPhone|iPad/, 'iPhone/iPad'],
  [/Mac OS X/, 'Mac'],
  [/UOS|Deepin|Kylin/i, '国产操作系统'],
  [/Linux/, 'Linux'],
];

export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return '其他设备';
  return [browser ?? '其他浏览器', system].filter(Boolean).join('，');
}
