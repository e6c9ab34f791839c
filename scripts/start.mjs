// `npm start`: starts Sluice on the embedded default. Until the server package exists there is
// nothing to serve, so it says so and exits cleanly.
import { existsSync } from 'node:fs';

const server = new URL('../packages/server/dist/main.js', import.meta.url);
if (existsSync(server)) {
  await import(server.href);
} else {
  console.log('Sluice: nothing to serve yet (the server package is not built yet). Try `npx sluice-jq` meanwhile.');
}
