/**
 * `tuijie nginx-config [--listen 80] [--upstream 主机:端口 …] [--site-dir 目录] [--server-name 域名] [--brotli]`:
 * prints the front nginx's configuration for this installation (src/server/public/nginx-config.ts), with
 * the app's address and the public-site folder taken from the same environment `serve` reads (HOST, PORT,
 * TUIJIE_VAR_DIR, TUIJIE_FILES_DIR). Exit 2 when a value cannot go into the configuration.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '#server/platform/config.ts';
import { nginxOptionProblems, nginxSiteConfig } from '#server/public/nginx-config.ts';
import { publicSiteDir } from '#server/public/site-files.ts';
import { describeArgsError, printUsageError } from '../print-findings.ts';

export const summary = '输出前置 nginx 的配置：公示页面由 nginx 直接发送，其余转给平台';

const USAGE =
  '用法：tuijie nginx-config [--listen 80] [--upstream 主机:端口 …] [--site-dir 目录] [--server-name 域名] [--brotli]';
const HELP = `${USAGE}
  --listen       nginx 监听的端口或「地址:端口」，默认 80
  --upstream     平台的地址，默认取 HOST 与 PORT（HOST 为 0.0.0.0 时用 127.0.0.1）；
                 多台网页进程时重复给出，nginx 轮流转发，一台停止时转给其余各台
  --site-dir     平台发布公示页面的目录，默认为文件目录下的 public-site
  --server-name  网站域名，默认 _（任意）
  --brotli       同时发送 .br 压缩文件（需安装 libnginx-mod-http-brotli-static）`;

export async function run(args: string[]): Promise<number> {
  let values: {
    listen?: string;
    upstream?: string[];
    'site-dir'?: string;
    'server-name'?: string;
    brotli?: boolean;
    help?: boolean;
  };
  try {
    values = parseArgs({
      args,
      options: {
        listen: { type: 'string' },
        upstream: { type: 'string', multiple: true },
        'site-dir': { type: 'string' },
        'server-name': { type: 'string' },
        brotli: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  const options = {
    listen: values.listen ?? '80',
    upstreams: values.upstream ?? [`${host.includes(':') ? `[${host}]` : host}:${config.port}`],
    siteDir: values['site-dir'] ? path.resolve(values['site-dir']) : publicSiteDir(config),
    serverName: values['server-name'] ?? '_',
    brotli: values.brotli ?? false,
  };
  const problems = nginxOptionProblems(options);
  if (problems.length > 0) return printUsageError(problems.join('\n'), USAGE);
  process.stdout.write(nginxSiteConfig(options));
  return 0;
}
