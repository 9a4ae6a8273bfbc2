/**
 * A real nginx on loopback, as a child process with its own prefix, pid, logs and temp folders in `dir`
 * (never the machine's /etc/nginx or its running server), one worker, for tests and benches: `http` is
 * what goes into its `http` block (e.g. the output of `tuijie nginx-config`).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '#server/platform/free-port.ts';

export interface NginxProcess {
  pid: number;
  /** Its one worker process (the one that answers). */
  worker(): number;
  /** What nginx wrote to its error log. */
  errors(): string;
  stop(): Promise<void>;
}

export function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  return undefined;
}

/** Starts nginx and waits until `probeUrl` answers (any status). */
export async function startNginx(dir: string, http: string, probeUrl: string): Promise<NginxProcess> {
  const bin = findNginx();
  if (!bin) throw new Error('没有找到 nginx：请先安装（apt-get install nginx）');
  await mkdir(path.join(dir, 'tmp'), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  const tmp = path.join(dir, 'tmp');
  // As root nginx's worker would run as `nobody`, which cannot enter a 0700 temporary folder.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    conf,
    `${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp}; fastcgi_temp_path ${tmp};
  uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
${http}
}
`,
  );
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const errors = () => {
    try {
      return stderr + readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return stderr;
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGQUIT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; i < 200; i++) {
    const up = await fetch(probeUrl).then(
      () => true,
      () => false,
    );
    if (up) {
      return {
        pid: child.pid!,
        worker() {
          const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
            .trim()
            .split(/\s+/);
          if (children.length !== 1 || !children[0])
            throw new Error(`nginx has ${children.length} workers, not 1`);
          return Number(children[0]);
        },
        errors,
        stop,
      };
    }
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`nginx did not answer within 10 s:\n${errors()}`);
}

/**
 * The front nginx as `tuijie nginx-config` prints it for these web processes and public-site folder, started
 * in `dir` on a free loopback port once `probePath` answers through it; with its address.
 */
export async function startPrintedNginx(
  dir: string,
  options: { upstreams: readonly string[]; siteDir: string; probePath: string },
): Promise<{ nginx: NginxProcess; front: string }> {
  const port = await freePort();
  const printed = spawnSync(
    process.execPath,
    [
      'src/cli/main.ts',
      'nginx-config',
      '--listen',
      `127.0.0.1:${port}`,
      ...options.upstreams.flatMap((u) => ['--upstream', u]),
      '--site-dir',
      options.siteDir,
    ],
    { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' },
  );
  if (printed.status !== 0) throw new Error(`nginx-config failed: ${printed.stderr}`);
  const front = `http://127.0.0.1:${port}`;
  return { nginx: await startNginx(dir, printed.stdout, `${front}${options.probePath}`), front };
}
