/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { iconPack } from './tools/icon-pack.mjs';

export default defineConfig({
  plugins: [react(), iconPack()],
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Icons and small helpers shared by a few views would each be a chunk
      // of a kilobyte or two; they go into the chunks that use them.
      output: { experimentalMinChunkSize: 20_000 },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 30000,
  },
});
