import { ClientBase, CustomTypesConfig, Pool, types } from 'pg';

/** Anything that runs a query: a pool, a pooled client or a dedicated client. */
export type PgQueryable = Pool | ClientBase;

/** A schema name that needs no escaping anywhere (identifiers, lock keys); the event store accepts the same. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `"schema"`, after checking the name is plain: it is spliced into SQL text. */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new RangeError(`PostgreSQL schema "${schema}": use lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  return `"${schema}"`;
}

/**
 * Functions the read models' statements and queries call, created in the read models' schema.
 *
 * `sqlite_ms(text)`: SQLite's `julianday()` as epoch milliseconds, for the same comparisons and orderings. SQLite parses
 * `YYYY-MM-DD`, then any run of spaces or `T`, then optionally `HH:MM[:SS[.fff…]]` (hour up to 24) with an optional
 * `Z` or `±HH:MM` zone (no zone means UTC), trailing spaces allowed; a day up to 31 rolls over (02-30 is 03-02);
 * anything else is NULL (never an error, unlike `::timestamptz`, which would also read a zone-less time in the
 * session's time zone). It keeps whole milliseconds: the fraction is capped at .999 and seconds are rounded as
 * SQLite's computeJD does (`(int64)(s*1000 + 0.5)` on doubles, which PostgreSQL's float8 reproduces; LEAST would skip
 * a NULL, hence the CASE). Two strings
 * compare the same under julianday() and under sqlite_ms() (test/projections/pg-sqlite-functions checks the edges).
 * Not covered (never stored by casetrail): bare times, julian day numbers, 'now', 5-digit years.
 *
 * Year arithmetic goes through year+400 (146,097 days): make_date has no year 0, which SQLite accepts.
 */
export function pgFunctionsSql(schema: string): string {
  return `
  CREATE OR REPLACE FUNCTION ${schema}.sqlite_ms(t text) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT CASE
      WHEN m IS NULL THEN NULL
      WHEN m[2]::int NOT BETWEEN 1 AND 12 OR m[3]::int NOT BETWEEN 1 AND 31
        OR COALESCE(m[4]::int, 0) > 24 OR COALESCE(m[5]::int, 0) > 59 OR COALESCE(m[6]::int, 0) > 59
        OR COALESCE(m[10]::int, 0) > 14 OR COALESCE(m[11]::int, 0) > 59 THEN NULL
      ELSE ((make_date(m[1]::int + 400, m[2]::int, 1) - DATE '1970-01-01') - 146097 + m[3]::int - 1)::bigint * 86400000
        + COALESCE(m[4]::bigint, 0) * 3600000 + COALESCE(m[5]::bigint, 0) * 60000
        + trunc((COALESCE(m[6]::float8, 0) + CASE WHEN m[7] IS NULL THEN 0 ELSE least(m[7]::float8 / (10::float8 ^ length(m[7])), 0.999::float8) END) * 1000 + 0.5)::bigint
        - (CASE m[9] WHEN '-' THEN -1 WHEN '+' THEN 1 ELSE 0 END) * (COALESCE(m[10]::bigint, 0) * 60 + COALESCE(m[11]::bigint, 0)) * 60000
    END
    FROM regexp_match(t, '^(\\d{4})-(\\d{2})-(\\d{2})[T\\s]*(?:(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?\\s*(?:([Zz])|([+-])(\\d{2}):(\\d{2}))?)?\\s*$') AS m
  $fn$;`;
}

export type PgColumnType = 'text' | 'bigint' | 'integer' | 'float8';

/** A column of a batched statement: its name, its PostgreSQL type, and how to read it from a row. */
export interface PgColumn<T> {
  name: string;
  type: PgColumnType;
  get: (row: T) => unknown;
}

/** bigint values travel as decimal text (node-postgres has no bigint array encoding of its own). */
const param = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** The rows as one array parameter per column, and the `unnest(…) AS u(…)` that reads them back as a table. */
export function unnestColumns<T>(columns: PgColumn<T>[], rows: T[]): { values: unknown[][]; unnest: string } {
  return {
    values: columns.map((c) => rows.map((r) => param(c.get(r)) ?? null)),
    unnest: `unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${columns.map((c) => c.name).join(', ')})`,
  };
}

/** Empties a read model for a rebuild: its tables dropped, then created again by its own `setup`. */
export async function recreateTables(
  store: { setup(db: PgQueryable, schema: string): Promise<void> },
  db: PgQueryable,
  schema: string,
  tables: string[],
): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${tables.map((t) => `${schema}.${t}`).join(', ')}`);
  await store.setup(db, schema);
}

/** One INSERT for many rows (one array parameter per column). A conflict fails it, as a plain INSERT does. */
export async function insertRows<T>(db: PgQueryable, table: string, columns: PgColumn<T>[], rows: T[]): Promise<void> {
  if (!rows.length) return;
  const { values, unnest } = unnestColumns(columns, rows);
  await db.query(`INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM ${unnest}`, values);
}

/** One INSERT … ON CONFLICT DO UPDATE for many rows: every column replaced (SQLite's INSERT OR REPLACE on a table with only a primary key). */
export async function upsertRows<T>(db: PgQueryable, table: string, key: string, columns: PgColumn<T>[], rows: T[]): Promise<void> {
  if (!rows.length) return;
  const { values, unnest } = unnestColumns(columns, rows);
  const set = columns.filter((c) => c.name !== key).map((c) => `${c.name} = excluded.${c.name}`);
  await db.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM ${unnest} ON CONFLICT (${key}) DO UPDATE SET ${set.join(', ')}`,
    values,
  );
}

/** One UPDATE for many rows, matched on `key`; rows that do not exist are left out, as an UPDATE does. */
export async function updateRows<T>(db: PgQueryable, table: string, key: string, columns: PgColumn<T>[], rows: T[]): Promise<void> {
  if (!rows.length) return;
  const { values, unnest } = unnestColumns(columns, rows);
  const set = columns.filter((c) => c.name !== key).map((c) => `${c.name} = u.${c.name}`);
  await db.query(`UPDATE ${table} AS t SET ${set.join(', ')} FROM ${unnest} WHERE t.${key} = u.${key}`, values);
}

/** Rows of `table` whose `column` is one of `keys`. */
export async function selectWhereIn<T>(
  db: PgQueryable,
  table: string,
  column: string,
  keys: string[],
  orWhere = '',
  orValues: unknown[] = [],
): Promise<T[]> {
  if (!keys.length && !orWhere) return [];
  return (
    await db.query({
      text: `SELECT * FROM ${table} WHERE ${column} = ANY($1::text[])${orWhere}`,
      values: [keys, ...orValues],
      types: NUMERIC_TYPES,
    })
  ).rows as T[];
}

/**
 * Type parsers that read PostgreSQL's bigint (positions, counts) as a JS number, as better-sqlite3 reads an INTEGER
 * without safeIntegers: the read models hold positions far below 2^53. Passed per query, so a pool shared with the
 * event store keeps its own parsers.
 */
export const NUMERIC_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === (types.builtins.INT8 as number) ? Number : (types.getTypeParser(oid, format) as unknown)) as CustomTypesConfig['getTypeParser'],
};

/**
 * One page's view of a table, for read models whose statements depend on the row as it stands (COALESCE, append a
 * flag unless present, replace): the touched rows are loaded once, the page's changes are applied to them in order
 * in memory with the statements' own semantics, and the table then gets one INSERT for the new rows and one UPDATE
 * for the changed ones. Only the runner holding the checkpoints' row locks writes, so nothing changes underneath.
 */
export class PgRowBuffer<Row extends object> {
  private readonly rows = new Map<string, Row>();
  private readonly inserted = new Set<string>();
  private readonly updated = new Set<string>();

  constructor(
    loaded: Row[],
    private readonly key: (row: Row) => string,
  ) {
    for (const r of loaded) this.rows.set(key(r), r);
  }

  get(key: string): Row | undefined {
    return this.rows.get(key);
  }

  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  /** A plain INSERT: a row with the same key is a constraint violation, as it would be in SQL. */
  insert(row: Row): void {
    const k = this.key(row);
    if (this.rows.has(k)) throw new Error(`duplicate key value ${k} (a plain INSERT of an existing row)`);
    this.rows.set(k, row);
    this.inserted.add(k);
  }

  /** INSERT OR REPLACE: the whole row. */
  replace(row: Row): void {
    const k = this.key(row);
    if (this.rows.has(k) && !this.inserted.has(k)) this.updated.add(k);
    else this.inserted.add(k);
    this.rows.set(k, row);
  }

  /** UPDATE … WHERE key = k: a missing row is left missing. */
  update(key: string, patch: Partial<Row> | ((row: Row) => Partial<Row>)): void {
    const row = this.rows.get(key);
    if (!row) return;
    Object.assign(row, typeof patch === 'function' ? patch(row) : patch);
    if (!this.inserted.has(key)) this.updated.add(key);
  }

  async flush(db: PgQueryable, table: string, keyColumn: string, columns: PgColumn<Row>[]): Promise<void> {
    const pick = (keys: Set<string>) => [...keys].map((k) => this.rows.get(k)!);
    await insertRows(db, table, columns, pick(this.inserted));
    await updateRows(db, table, keyColumn, columns, pick(this.updated));
  }
}

/** Columns named as the row's own keys (rows loaded with SELECT * and written back). */
export function columnsOf<Row>(spec: Record<keyof Row & string, PgColumnType>): PgColumn<Row>[] {
  return Object.entries(spec).map(([name, type]) => ({ name, type: type as PgColumnType, get: (r: Row) => r[name as keyof Row] }));
}

export const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** `?` placeholders numbered for PostgreSQL (`$1`, `$2`, …): a statement written once for both dialects. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
