/**
 * A real `sluice serve` in-process on 127.0.0.1 (the server tests' startTestServer) serving the built
 * portal (a snapshot of packages/web/dist taken now), on SQLite in a fresh temporary directory.
 */
import { startTestServer, type TestServer, type TestServerOptions } from '../../../server/test/helpers/test-server.js';
import { snapshotPortal } from './portal-build.js';

export { REPO, SEED_FOLDER, SERVICE_TOKEN, SkewedClock, type TestServer } from '../../../server/test/helpers/test-server.js';

export async function startPortalServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const portal = await snapshotPortal();
  try {
    const server = await startTestServer({ ...opts, settings: { portalDir: portal.dir, ...opts.settings } });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        portal.remove();
      },
    };
  } catch (err) {
    portal.remove();
    throw err;
  }
}
