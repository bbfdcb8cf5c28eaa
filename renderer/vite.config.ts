import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { withContentSecurityPolicyMeta } from '../shared/security/content-security-policy.ts';

/** Puts the CSP into index.html as a meta tag (the app:// protocol also sends it as a header). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'accord-csp-meta',
    transformIndexHtml: (html) => withContentSecurityPolicyMeta(html),
  };
}

/**
 * The UI chunk is imported dynamically by the tiny start-up entry (so the
 * library read starts first); preloading it from index.html lets it download
 * in parallel with the entry instead of after it.
 */
function preloadUiChunk(): Plugin {
  return {
    name: 'accord-preload-ui-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const start = Object.values(bundle).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/app/start.tsx'));
        if (!start || start.type !== 'chunk') return html;
        // The chunk and everything it imports statically, so the browser fetches them all at once.
        const files = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || files.has(fileName) || chunk.isEntry) return;
          files.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(start.fileName);
        const links = [...files].map((file) => `    <link rel="modulepreload" crossorigin href="./${file}">`);
        const sheets = [...styles].map((file) => `    <link rel="stylesheet" crossorigin href="./${file}">`);
        return html.replace('</head>', `${[...links, ...sheets].join('\n')}\n  </head>`);
      },
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), preloadUiChunk()],
  // The calibration worker is an ES module (it shares the engines' modules with the page).
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
});
