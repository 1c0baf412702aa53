import { defineConfig } from 'vite';

// The build must run under a strict Content-Security-Policy (see scripts/start.ts): no inline
// script or style. Vite's output is external files only once the modulepreload polyfill (an
// inline script) is off.
export default defineConfig({
  // Standard decorators: esbuild leaves them untransformed when its target is `esnext`.
  esbuild: { target: 'es2022' },
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's comments that Rollup cannot place: harmless (see TOOLCHAIN.md).
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  // @tanstack/query-core reads it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
});
