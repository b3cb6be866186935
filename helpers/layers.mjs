// The layers of helpers/, lowest first, and what each may import (docs/architecture.md). A layer may use
// the layers below it, never one above: eslint.config.js turns this into no-restricted-imports rules, and
// test/unit/layers.test.ts shows a wrong import failing the lint.
export const LAYERS = ['run', 'http', 'state', 'checks', 'verdict', 'reporting', 'runner'];

/** The ESLint config entries: for each layer, the higher layers it must not import. */
export function layerRules() {
  return LAYERS.map((layer, i) => {
    const higher = LAYERS.slice(i + 1);
    return {
      files: [`helpers/${layer}/**/*.ts`],
      rules: higher.length === 0 ? {} : {
        'no-restricted-imports': ['error', {
          patterns: [{ group: higher.map((h) => `**/${h}/*`), message: `helpers/${layer} is below ${higher.join(', ')}: a lower layer never imports a higher one (docs/architecture.md)` }],
        }],
      },
    };
  });
}
