import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SidedeskDb } from '../db';

/** A SidedeskDb on an in-memory IndexedDB of its own; share the factory to "restart". */
export function memoryDb(factory = new IDBFactory()) {
  return { db: new SidedeskDb('sidedesk', { indexedDB: factory, IDBKeyRange }), factory };
}
