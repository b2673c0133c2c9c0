/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app runs inside the Wails window from frontend/dist, fully offline:
// relative asset paths, no remote anything.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  // `wailsjs/...` is the code generated from Go (Wails bindings, models, values.ts), from any folder.
  resolve: {
    // A path from the project root (frontend/), which Vite resolves in the build and in Vitest.
    alias: [{ find: /^wailsjs\//, replacement: '/wailsjs/' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // Old computers and webviews: one small CSS file and no module preload polyfill fetches.
    modulePreload: { polyfill: false },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
