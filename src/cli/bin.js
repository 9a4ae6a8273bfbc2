#!/usr/bin/env node
// The published entry point stays plain JavaScript; the code itself is TypeScript run by Node 24.
await import('./main.ts');
