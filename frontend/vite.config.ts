/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    // The branding icon registry imports icon files straight from
    // node_modules; in the dev server their imports must resolve to
    // pre-bundled modules, or the CommonJS prop-types under SvgIcon breaks.
    include: ['@mui/material/SvgIcon', 'react/jsx-runtime'],
  },
  build: {
    chunkSizeWarningLimit: 1500,
    modulePreload: {
      // An icon chunk of the branding registry depends only on the main
      // chunk, loaded by then; listing it for each of 10 000 icons would
      // double the registry's size.
      resolveDependencies: (_file, deps, { hostId }) => (hostId.includes('iconRegistry') ? [] : deps),
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
