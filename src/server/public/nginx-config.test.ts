import { describe, expect, it } from 'vitest';
import { nginxOptionProblems, nginxSiteConfig } from './nginx-config.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { SITE_VIEWS, siteFileOf } from './site-files.ts';
import { readPreferences, variantOf } from './view-preferences.ts';

const OPTIONS = {
  upstreams: ['127.0.0.1:3000'],
  listen: '80',
  siteDir: '/srv/tuijie/var/files/public-site',
  serverName: '_',
  brotli: false,
};
const ID = '0192f4d2-6a1e-7c3b-9d4e-5f6a7b8c9d0e';
const config = nginxSiteConfig(OPTIONS);

/** nginx's `map` blocks of the printed text, evaluated as nginx does (regex entries in order, else default). */
function maps(text: string) {
  const found = new Map<string, { source: string; entries: [string, string][]; otherwise: string }>();
  for (const block of text.matchAll(/^map \$(\S+) \$(\S+) \{\n([\s\S]*?)\n\}/gm)) {
    const entries: [string, string][] = [];
    let otherwise = '';
    for (const line of block[3]!.split('\n')) {
      const m = /^\s*(\S+) (\S+);$/.exec(line);
      if (!m) throw new Error(`unreadable map line: ${line}`);
      if (m[1] === 'default') otherwise = m[2]!;
      else entries.push([m[1]!, m[2]!]);
    }
    found.set(block[2]!, { source: block[1]!, entries, otherwise });
  }
  return found;
}

function evaluate(text: string, variable: string, inputs: Record<string, string>): string {
  const map = maps(text).get(variable);
  if (!map) throw new Error(`no map sets $${variable}`);
  const input = inputs[map.source] ?? '';
  const matched = map.entries.find(([key]) =>
    key.startsWith('"~')
      ? new RegExp(key.slice(2, -1)).test(input)
      : key.toLowerCase() === input.toLowerCase(),
  );
  const value = matched ? matched[1] : map.otherwise;
  return value.replace(/\$(\w+)/g, (_, name: string) => evaluate(text, name, inputs));
}

describe('the nginx configuration of the public site', () => {
  it('picks the same file from the cookies as the app picks the page', () => {
    const values = [undefined, 'large', 'normal', 'high', 'LARGE', 'High', 'large ', 'xlarge', ''];
    for (const text of values) {
      for (const contrast of values) {
        const cookies = { gs_text: text, gs_contrast: contrast };
        const inputs = {
          request_method: 'GET',
          cookie_gs_text: text ?? '',
          cookie_gs_contrast: contrast ?? '',
        };
        expect(evaluate(config, 'tuijie_variant', inputs), JSON.stringify(cookies)).toBe(
          variantOf(readPreferences(cookies)),
        );
      }
    }
  });

  it('reads a file for GET and HEAD only: other methods find none and reach the app', () => {
    const inputs = { cookie_gs_text: 'large', cookie_gs_contrast: '' };
    expect(evaluate(config, 'tuijie_variant', { ...inputs, request_method: 'HEAD' })).toBe('ln');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const variant = evaluate(config, 'tuijie_variant', { ...inputs, request_method: method });
      expect(SITE_VIEWS.map(variantOf)).not.toContain(variant);
    }
  });

  it('looks for the files the publisher writes', () => {
    const view = SITE_VIEWS[3]!;
    const variant = variantOf(view);
    for (const section of ['gs', 'results']) {
      const index = new RegExp(
        `location = /${section}/ \\{\\n {4}root (\\S+);\\n {4}try_files (\\S+) @tuijie_app;`,
      ).exec(config);
      expect(index?.[1]).toBe(OPTIONS.siteDir);
      expect(index?.[2]?.replace('$tuijie_variant', variant)).toBe(`/${siteFileOf(`/${section}/`, view)}`);
    }
    const page = /location ~ "(.+)" \{\n {4}alias (\S+);\n {4}error_page 404 405 = @tuijie_app;/.exec(
      config,
    )!;
    for (const uri of [`/gs/${ID}`, `/results/${ID}`]) {
      expect(new RegExp(page[1]!).test(uri)).toBe(true);
      expect(page[2]!.replace('$uri', uri).replace('$tuijie_variant', variant)).toBe(
        `${OPTIONS.siteDir}/${siteFileOf(uri, view)}`,
      );
    }
    for (const uri of [`/gs/${ID}/objection`, '/gs/status', '/gs/view', `/gs/${ID.toUpperCase()}`])
      expect(new RegExp(page[1]!).test(uri), uri).toBe(false);
    expect(config).toContain('server 127.0.0.1:3000;');
    expect(config).toContain('listen 80;');
  });

  it('sends the showcase pages from the files the app publishes them to', () => {
    const view = { largeText: true, highContrast: false };
    const variant = variantOf(view);
    const index = /location = \/showcase\/ \{\n\s+root (\S+);\n\s+try_files (\S+) @tuijie_app;/.exec(config)!;
    expect(`${index[1]}${index[2]!.replace('$tuijie_variant', variant)}`).toBe(
      `${OPTIONS.siteDir}/${siteFileOf('/showcase/', view)}`,
    );
    const year =
      /location ~ "\^\/showcase\/\(\?<tuijie_year>\\d\{4\}\)\/\$" \{\n\s+root (\S+);\n\s+try_files (\S+) @tuijie_app;/.exec(
        config,
      )!;
    expect(`${year[1]}${year[2]!.replace('$tuijie_year', '2025').replace('$tuijie_variant', variant)}`).toBe(
      `${OPTIONS.siteDir}/${siteFileOf('/showcase/2025/', view)}`,
    );
    const pages = /location ~ "(\^\/showcase\/\(\\d\{4\}\/[^"]+)" \{\n\s+alias (\S+);/.exec(config)!;
    for (const uri of ['/showcase/2025/22', '/showcase/2025/slides', `/showcase/winner/${ID}`]) {
      expect(new RegExp(pages[1]!).test(uri), uri).toBe(true);
      expect(pages[2]!.replace('$uri', uri).replace('$tuijie_variant', variant)).toBe(
        `${OPTIONS.siteDir}/${siteFileOf(uri, view)}`,
      );
    }
    for (const uri of ['/showcase/search', `/showcase/media/${ID}/web.mp4`, '/showcase/2025/220'])
      expect(new RegExp(pages[1]!).test(uri), uri).toBe(false);
  });

  it('adds the headers the app sends with a public page, on the published pages only', () => {
    const blocks = config.split(/\n {2}location /).slice(1);
    const published = blocks.filter((b) => b.includes('gzip_static'));
    expect(published).toHaveLength(6);
    for (const block of published) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(value).not.toContain('$');
        expect(block).toContain(`add_header ${name} "${value}" always;`);
      }
      expect(block).toContain('add_header cache-control "public, no-cache" always;');
      expect(block).toContain('add_header vary "Cookie" always;');
      expect(block).toContain('add_header vary "Accept-Encoding" always;');
      expect(block).not.toContain('gzip_vary');
      expect(block).toContain('gzip_static on;');
      expect(block).not.toContain('brotli_static');
    }
    expect(nginxSiteConfig({ ...OPTIONS, brotli: true })).toContain('brotli_static on;');
    for (const block of blocks.filter((b) => !b.includes('gzip_static')))
      expect(block).not.toContain('add_header');
  });

  it('sends the last part of an answer at once, whatever nginx.conf says of tcp_nopush', () => {
    // Debian's nginx.conf corks the socket (tcp_nopush on); the page bench measured the tail it leaves:
    // p99 41 ms against 4 ms. The server block undoes it for everything it serves.
    expect(config.slice(config.indexOf('\nserver {'))).toContain('\n  tcp_nopush off;\n');
  });

  it('sends to every web process given, and refuses an empty or bad one among them', () => {
    const config = nginxSiteConfig({ ...OPTIONS, upstreams: ['10.0.0.11:3000', '10.0.0.12:3000'] });
    const upstream = config.slice(config.indexOf('upstream tuijie_app {'));
    expect(upstream.slice(0, upstream.indexOf('}'))).toMatch(
      /^upstream tuijie_app \{\n {2}server 10\.0\.0\.11:3000;\n {2}server 10\.0\.0\.12:3000;\n {2}keepalive 16;\n$/,
    );
    expect(nginxOptionProblems({ ...OPTIONS, upstreams: [] })).toEqual([
      '至少需要一个平台地址（--upstream）',
    ]);
    expect(nginxOptionProblems({ ...OPTIONS, upstreams: ['10.0.0.11:3000', 'x;y'] })).toEqual([
      '平台地址「x;y」应为「主机:端口」（如 127.0.0.1:3000）或 unix:/套接字路径',
    ]);
  });

  it('refuses values that would change the configuration, saying why in Chinese', () => {
    const bad = {
      upstreams: ['127.0.0.1:3000; }'],
      listen: '80;\n',
      siteDir: 'var/files/public-site',
      serverName: 'example.cn;',
      brotli: false,
    };
    const problems = nginxOptionProblems(bad);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('平台地址');
    expect(() => nginxSiteConfig(bad)).toThrow(/平台地址/);
    expect(nginxOptionProblems({ ...OPTIONS, siteDir: '/srv/../etc' })[0]).toContain('发布目录');
    expect(
      nginxOptionProblems({
        ...OPTIONS,
        upstreams: ['unix:/run/tuijie.sock'],
        listen: '127.0.0.1:8080 reuseport',
        serverName: 'gs.example.cn www.example.cn',
      }),
    ).toEqual([]);
  });
});
