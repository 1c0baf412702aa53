/// <reference types="vite/client" />

// Single-file components are compiled by @vitejs/plugin-vue; tsc only needs their shape.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
