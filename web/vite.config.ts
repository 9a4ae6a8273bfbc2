import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The web app is built into web/dist and served by the server as a single-page app.
 * Vendor code is split into stable chunks (react, antd, the rest) so a release that only changes a page
 * does not make browsers download antd (~340 KB gzip) again; pages are split by React.lazy in routes.tsx.
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
