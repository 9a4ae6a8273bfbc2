import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function tuijie(args: string[], env: Record<string, string> = {}) {
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    ['src/cli/main.ts', 'nginx-config', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HOST: '', PORT: '', TUIJIE_VAR_DIR: '', TUIJIE_FILES_DIR: '', ...env },
    },
  );
  return { status, stdout, stderr };
}

describe('tuijie nginx-config', () => {
  it('fills in the installation’s address and public-site folder from the environment serve reads', () => {
    const run = tuijie([], { HOST: '0.0.0.0', PORT: '8000', TUIJIE_FILES_DIR: '/srv/tuijie/files' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('server 127.0.0.1:8000;');
    expect(run.stdout).toContain('listen 80;');
    expect(run.stdout).toContain('root /srv/tuijie/files/public-site;');
    expect(run.stdout).toContain('alias /srv/tuijie/files/public-site$uri.$tuijie_variant.html;');
  });

  it('takes the listen port, upstreams (one per web process), folder and name given', () => {
    const run = tuijie([
      '--listen',
      '127.0.0.1:8080',
      '--upstream',
      '10.0.0.5:3000',
      '--upstream',
      '10.0.0.6:3000',
      '--site-dir',
      '/data/site',
      '--server-name',
      'gs.example.cn',
      '--brotli',
    ]);
    expect(run.status).toBe(0);
    for (const line of [
      'listen 127.0.0.1:8080;',
      'server 10.0.0.5:3000;\n  server 10.0.0.6:3000;',
      'root /data/site;',
      'server_name gs.example.cn;',
      'brotli_static on;',
    ])
      expect(run.stdout).toContain(line);
  });

  it('refuses what cannot go into the configuration, in Chinese, with exit code 2 and nothing printed', () => {
    const run = tuijie(['--listen', '80; include /etc/passwd']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('监听端口');
    expect(tuijie(['--bogus']).stderr).toContain('未知选项「--bogus」');
  });
});
