import type { ESLint } from 'eslint';

export const LIB_LAYERS: readonly (readonly string[])[];
export const COMPONENT_IO: { packages: readonly string[]; lib: readonly string[] };
export const layersPlugin: ESLint.Plugin;
