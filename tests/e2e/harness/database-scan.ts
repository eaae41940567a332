import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Where strings occur in a stopped API's embedded database (`<dataDir>/pglite`, see
 * server/db/open.ts): every row of every table outside Postgres' own schemas, as text.
 * Answers, per string, the tables holding it. The API must be stopped (one process at a
 * time may open a PGlite folder).
 */
export async function tablesContaining(
  dataDir: string,
  needles: readonly string[],
): Promise<Record<string, string[]>> {
  const db = new PGlite(path.join(dataDir, 'pglite'));
  try {
    const { rows: tables } = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const found: Record<string, string[]> = {};
    for (const needle of needles) {
      found[needle] = [];
      for (const t of tables) {
        const table = `"${t.schema}"."${t.name}"`;
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} AS r WHERE r::text LIKE '%' || $1 || '%'`,
          [needle],
        );
        if ((rows[0]?.n ?? 0) > 0) found[needle]?.push(`${t.schema}.${t.name}`);
      }
    }
    return found;
  } finally {
    await db.close();
  }
}

/** The files under `dir` whose bytes contain `needle` (the WAL and every relation file). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle, 'utf8');
  const hits: string[] = [];
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await readFile(full)).includes(bytes)) hits.push(full);
    }
  };
  await walk(dir);
  return hits;
}
