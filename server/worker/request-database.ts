import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Db } from '../db/open';
import type { Notifier } from '../live/notifier';

/**
 * A Database that stands for the current request's, so the app can be built once per isolate
 * although every request opens its own client: building it costs tens of milliseconds (the
 * OpenAPI document alone), more than most requests. Routes keep `deps.database.db` from
 * creation; each use is handed to the database that `run` set for the request in progress.
 */
export function requestDatabase() {
  const storage = new AsyncLocalStorage<Database>();
  const current = () => {
    const database = storage.getStore();
    if (!database) throw new Error('The database was used outside a request');
    return database;
  };
  const db = new Proxy({} as Db, {
    get(_, property) {
      const real = current().db;
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
  const notifier: Notifier = {
    publish: (announcement) => current().notifier.publish(announcement),
    subscribe: (workspaceId, listener) => current().notifier.subscribe(workspaceId, listener),
    close: async () => {},
  };
  const database: Database = { kind: 'postgres', db, notifier, close: async () => {} };
  return {
    database,
    run: <T>(request: Database, work: () => T): T => storage.run(request, work),
  };
}
