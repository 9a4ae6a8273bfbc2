/**
 * The front nginx's configuration for an installation (`tuijie nginx-config` prints it): the published
 * public pages (site-publisher.ts) are sent straight from their files, the reading-switch cookies picking
 * the file, with the headers the app sends for them; everything else (forms, status queries, POSTs, the
 * API, the web app, uploads) goes to the app. Where a page has no file (not public, or not yet published)
 * the app answers, so nginx never serves anything the app would not.
 */
import { SECURITY_HEADERS } from './security-headers.ts';
import { PAGE_ID_PATTERN, SITE_SECTIONS } from './site-files.ts';
import { CONTRAST_COOKIE, TEXT_COOKIE } from './view-preferences.ts';

export interface NginxSiteOptions {
  /** Where the app's web processes listen: `127.0.0.1:3000` or `unix:/run/tuijie.sock`, one or more. */
  upstreams: readonly string[];
  /** nginx's `listen` parameter: `80`, `127.0.0.1:8080`. */
  listen: string;
  /** The public-site folder the app publishes to (absolute). */
  siteDir: string;
  serverName: string;
  /** Also send the `.br` copies (needs nginx's brotli module, apt `libnginx-mod-http-brotli-static`). */
  brotli: boolean;
}

/**
 * The cookie maps: each switch's letter in the file name (view-preferences.ts `variantOf`). A regular
 * expression and not a plain string, because nginx compares plain map strings ignoring case and the app
 * does not (`gs_text=LARGE` is normal text in both).
 */
export const VARIANT_MAPS = [
  { variable: 'tuijie_text', cookie: TEXT_COOKIE, value: 'large', letter: 'l', otherwise: 'n' },
  { variable: 'tuijie_contrast', cookie: CONTRAST_COOKIE, value: 'high', letter: 'h', otherwise: 'n' },
] as const;

/** What a value must look like to be written into the configuration unquoted. */
const PLAIN = {
  upstream: /^(unix:\/[\w./-]+|[\w.-]+:\d{1,5}|\[[0-9a-fA-F:]+\]:\d{1,5})$/,
  listen: /^([\w.-]+:|\[[0-9a-fA-F:]+\]:)?\d{1,5}( [a-z_]+)*$/,
  serverName: /^[\w.*~-]+( [\w.*~-]+)*$/,
  siteDir: /^\/[\w./@+-]*$/,
} as const;

/** The options that cannot go into the configuration, with a Chinese reason each; empty when all can. */
export function nginxOptionProblems(options: NginxSiteOptions): string[] {
  const problems: string[] = [];
  if (options.upstreams.length === 0) problems.push('至少需要一个平台地址（--upstream）');
  for (const upstream of options.upstreams)
    if (!PLAIN.upstream.test(upstream))
      problems.push(`平台地址「${upstream}」应为「主机:端口」（如 127.0.0.1:3000）或 unix:/套接字路径`);
  if (!PLAIN.listen.test(options.listen))
    problems.push(`监听端口「${options.listen}」应为端口（如 80）或「地址:端口」（如 127.0.0.1:8080）`);
  if (!PLAIN.serverName.test(options.serverName))
    problems.push(`网站域名「${options.serverName}」只能含字母、数字、点和连字符，多个以空格分隔`);
  if (!PLAIN.siteDir.test(options.siteDir) || options.siteDir.split('/').includes('..'))
    problems.push(`发布目录「${options.siteDir}」应为绝对路径，且只含字母、数字和 ./_-@+`);
  return problems;
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** The `add_header` lines of a published page: the headers the app sends with it. */
export function publishedPageHeaders(): string {
  return [...Object.entries(SECURITY_HEADERS), ['cache-control', 'public, no-cache'], ['vary', 'Cookie']]
    .map(([name, value]) => `    add_header ${name} ${quote(value!)} always;`)
    .join('\n');
}

/** The configuration for nginx's `http` block (e.g. /etc/nginx/conf.d/tuijie.conf). */
export function nginxSiteConfig(options: NginxSiteOptions): string {
  const problems = nginxOptionProblems(options);
  if (problems.length > 0) throw new Error(problems.join('；'));
  const { upstreams, listen, siteDir, serverName, brotli } = options;
  const headers = publishedPageHeaders();
  // The type with its charset, as the app sends it, without the charset filter's work on each answer.
  // Every page is published with its .gz and .br, so every answer varies by Accept-Encoding: said here
  // once, rather than by gzip_vary, which makes nginx open the .gz on each answer it sends unpacked.
  const published = `    types { }
    default_type "text/html; charset=utf-8";
    gzip_static on;
${brotli ? '    brotli_static on;\n' : ''}${headers}
    add_header vary "Accept-Encoding" always;`;
  const maps = VARIANT_MAPS.map(
    (m) => `map $cookie_${m.cookie} $${m.variable} {
  default ${m.otherwise};
  "~^${m.value}$" ${m.letter};
}`,
  ).join('\n');
  const letters = VARIANT_MAPS.map((m) => `$${m.variable}`).join('');
  const sections = SITE_SECTIONS.join('|');
  const indexes = SITE_SECTIONS.map(
    (s) => `  location = /${s}/ {
    root ${siteDir};
    try_files /${s}/index.$tuijie_variant.html @tuijie_app;
${published}
  }`,
  ).join('\n\n');
  return `# 推介平台前置 nginx 配置，由「tuijie nginx-config」生成，放在 nginx 的 http 配置中
# （如 /etc/nginx/conf.d/tuijie.conf）。公示、结果公布页面由平台发布为文件（${siteDir}），
# nginx 直接发送；没有文件的页面和其余一切请求（异议表单、查询、提交、接口、上传）转给平台。
# 平台应设置 TRUST_PROXY=true；nginx 的工作进程须能读取发布目录（及其上级目录）。

upstream tuijie_app {
${upstreams.map((u) => `  server ${u};`).join('\n')}
  keepalive 16;
}

# 适老化阅读设置（大字、高对比度）存于 Cookie，决定发送哪一份页面文件；只有 GET、HEAD 读文件，
# 其余方法找不到文件（名为 *.app.html 的文件不存在），转给平台。
${maps}
map $request_method $tuijie_variant {
  default app;
  GET ${letters};
  HEAD ${letters};
}

server {
  listen ${listen};
  server_name ${serverName};
  server_tokens off;
  # Debian 的 nginx.conf 默认开启 tcp_nopush：页面最后一段数据常被扣住约 40 毫秒才发出（实测 p99 41 ms，关闭后 4 ms）。
  tcp_nopush off;
  # 平台自行限制请求大小；上传（tus）以流式转给平台。
  client_max_body_size 0;

  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $remote_addr;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_request_buffering off;
  proxy_read_timeout 300s;

  location / {
    proxy_pass http://tuijie_app;
  }

  location @tuijie_app {
    proxy_pass http://tuijie_app;
  }

${indexes}

  # 公示、结果公布页：直接打开文件（不先逐一查找，少一次系统调用）；没有文件时由平台应答。
  location ~ "^/(${sections})/${PAGE_ID_PATTERN}$" {
    alias ${siteDir}$uri.$tuijie_variant.html;
    error_page 404 405 = @tuijie_app;
    log_not_found off;
${published}
  }

  # 优秀事迹展示：首页、年度页、省份页、轮播页、入选者页同样由文件发送；搜索与图片视频由平台应答。
  location = /showcase/ {
    root ${siteDir};
    try_files /showcase/index.$tuijie_variant.html @tuijie_app;
${published}
  }

  # A URI ending in / is a folder to nginx's alias (it appends index.html): found by try_files, as the
  # indexes above; a named capture, since the cookie maps' regexes overwrite $1 before it is read.
  location ~ "^/showcase/(?<tuijie_year>\\d{4})/$" {
    root ${siteDir};
    try_files /showcase/$tuijie_year/index.$tuijie_variant.html @tuijie_app;
${published}
  }

  location ~ "^/showcase/(\\d{4}/(\\d{2}|slides)|winner/${PAGE_ID_PATTERN})$" {
    alias ${siteDir}$uri.$tuijie_variant.html;
    error_page 404 405 = @tuijie_app;
    log_not_found off;
${published}
  }
}
`;
}
