import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two pages: the login page (login.html, a small script and no React: decision 0020) and the app
 * (index.html). The web app is built into web/dist and served by the server as a single-page app. Pages (and the
 * signed-in frame) are React.lazy chunks (routes.tsx), and the bundler splits the libraries they share by
 * what uses them, so a page downloads only the antd components it renders: the login page gets neither
 * the date picker, the table, the uploader nor opencc. No group for all of antd or all of node_modules: such
 * a chunk is loaded whole by every page. React is one stable chunk, as every page needs all of it. Hashed
 * file names let the server cache them for a year; web/precompress.ts writes their .br and .gz copies.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The browser imports pure rules from src/core, which sits outside web/.
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        login: fileURLToPath(new URL('login.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            // Traditional/simplified tables for matching previous winners: only the 推介表 page needs them.
            { name: 'opencc', test: /node_modules[\\/]opencc-js[\\/]/, priority: 15 },
            // The password strength lists (zxcvbn): only the password pages need them.
            { name: 'password-strength', test: /node_modules[\\/]@zxcvbn-ts[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
});
