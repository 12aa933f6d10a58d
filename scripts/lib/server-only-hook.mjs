// Scripts (dev/start launchers, the job worker, the CLI, seed, benchmarks) run server modules
// directly under Node. Those modules start with `import "server-only"`, which throws outside
// React Server Components so that a client bundle can never pull in database code. This hook
// resolves that one marker to an empty module for scripts only; Next's bundler keeps enforcing it.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
    ),
);
