import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type FakeSlackServer, startFakeSlackServer } from './fake-slack-server.js';

/**
 * The fake Slack server for one test file: started before its tests, emptied
 * before each (so a test sees only its own calls), closed after. Call it at
 * the top of the file, before the file's own hooks, which then run after the reset.
 */
export function fakeSlackPerFile(): FakeSlackServer {
  let server: FakeSlackServer | undefined;
  beforeAll(async () => {
    server = await startFakeSlackServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server!.reset();
  });
  return new Proxy({} as FakeSlackServer, {
    get(_target, key) {
      if (server === undefined)
        throw new Error('the fake Slack server is started in beforeAll: use it inside a hook or test');
      const value: unknown = Reflect.get(server, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(server) : value;
    },
  });
}
