import { config, z } from "zod/v4";

/**
 * In the SPA's build every `import … from "zod"` (the contracts' too) resolves to this module
 * (vite.config.ts), so zod is configured before any module builds a schema. zod decides while
 * building each object schema whether to compile its parser with `new Function`, probing for
 * eval once; the BFF's CSP (script-src 'self', no 'unsafe-eval') blocks the probe and Chrome
 * reports a violation on every page, which Lighthouse counts. Core and the BFF keep the
 * compiled parsers. Parsing without them is fast enough for a screen's data.
 */
config({ jitless: true });

export * from "zod/v4";
export { z, z as default };
