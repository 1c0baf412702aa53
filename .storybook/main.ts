import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  // msw's worker script, served from the root so it controls iframe.html.
  staticDirs: ['../packages/mocks/public'],
  async viteFinal(config, { configType }) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      // Standard decorators: esbuild leaves them untransformed when its target is `esnext`.
      esbuild: { target: 'es2022' },
      build: {
        target: 'es2022',
        // Storybook's own bundles are large; its warnings say nothing about prm-kit.
        chunkSizeWarningLimit: 4096,
      },
      // @tanstack/query-core reads it.
      define: {
        'process.env.NODE_ENV': JSON.stringify(
          configType === 'PRODUCTION' ? 'production' : 'development',
        ),
      },
    });
  },
};

export default config;
