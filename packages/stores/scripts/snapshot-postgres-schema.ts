// Regenerates schema/postgres.sql from the migrations on a scratch database of the local server
// (or the one SLUICE_PG_URL names, a maintenance database such as /postgres):
//   npm run -w packages/stores schema:postgres
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freshPostgresSchemaSnapshot } from '../src/postgres/schema-snapshot.js';

const path = fileURLToPath(new URL('../schema/postgres.sql', import.meta.url));
const adminUrl = process.env.SLUICE_PG_URL;
writeFileSync(path, await freshPostgresSchemaSnapshot(adminUrl ? { adminUrl } : {}));
console.log(`wrote ${path}`);
