import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Standard decorators (the Lit elements): esbuild leaves them untransformed at `esnext`.
  esbuild: { target: 'es2022' },
  build: {
    target: 'es2022',
    // Its polyfill is an inline script, which a strict Content-Security-Policy refuses.
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's comments that Rollup cannot place: harmless.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
