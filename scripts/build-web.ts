/**
 * Builds the browser app into web/dist. Runs as `npm install`'s postinstall, so a fresh checkout
 * serves the web pages after `npm install && npm start` with no separate build step.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const configFile = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

try {
  const started = Date.now();
  await build({ configFile, logLevel: 'warn' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`网页前端构建完成（web/dist，用时 ${seconds} 秒）`);
} catch (error) {
  console.error('网页前端构建失败：', error);
  process.exitCode = 1;
}
