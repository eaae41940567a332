import type { Sql } from 'postgres';
import { inProcessNotifier, type Notifier } from './notifier';
import { postgresNotifier } from './postgres-notifier';
import { redisNotifier } from './redis-notifier';

/**
 * How the instances on one Postgres hear each other's writes (PUBSUB): `memory` for a
 * single instance, `postgres` for LISTEN/NOTIFY, `redis` for Redis pub/sub on `channel`.
 */
export type PubSub =
  | { kind: 'memory' }
  | { kind: 'postgres' }
  | { kind: 'redis'; url: string; channel: string };

/** `sql` publishes; Postgres listening takes a connection of its own to `url`. */
export function openNotifier(pubsub: PubSub, sql: Sql, url: string): Promise<Notifier> {
  switch (pubsub.kind) {
    case 'memory':
      return Promise.resolve(inProcessNotifier());
    case 'postgres':
      return postgresNotifier(sql, url);
    case 'redis':
      return redisNotifier(pubsub.url, pubsub.channel);
  }
}
