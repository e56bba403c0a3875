/**
 * Recap's SQLite store: a keyv storage adapter (https://keyv.org/docs/storage-adapters) on better-sqlite3
 * (https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md), in the table and format @keyv/sqlite used,
 * so a DATA_DIR written by an earlier version is read as it is.
 *
 * Why not @keyv/sqlite: it prepares, runs and finalizes a new statement for every query through node-sqlite3's
 * thread pool, which cost 15 % of Recap's CPU under LD-1 (`LOAD_CPU_PROF=… npm run bench:load`) and a thread-pool round
 * trip for every claim a Slack acknowledgement waits on. Here each statement is prepared once and runs in
 * microseconds on the calling thread (WAL with synchronous=NORMAL: a commit is an append, no fsync).
 *
 * Running on the event loop has one hazard: SQLite's busy timeout would spin the loop while another process (the
 * CLI beside a running server, a backup) holds the write lock. So the busy timeout is 0 and a busy statement is
 * retried here after a short timer, up to BUSY_TIMEOUT_MS, with the loop free in between (P-7).
 */
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';

/** How long a statement keeps retrying while another connection holds the lock, as @keyv/sqlite's busyTimeout did. */
export const BUSY_TIMEOUT_MS = 5000;
/** How often rows whose time to live has run out are deleted (keyv itself only drops one when it is read again). */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const SWEEP_PAGE_ROWS = 500;
/** How long (ms) a chain of store calls may hold the event loop before letting sockets and timers run. */
const TURN_BUDGET_MS = 8;
const TABLE = 'keyv';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
};

export interface SqliteStoreOptions {
  /** Retry a busy statement for this long (ms). */
  busyTimeoutMs?: number;
  /** Delete expired rows this often (ms); 0 turns the sweep off. */
  sweepIntervalMs?: number;
}

/** A keyv store adapter on one better-sqlite3 connection to `file`. */
export class SqliteStore extends EventEmitter {
  /** keyv reads `opts.dialect` to know this adapter can iterate. */
  readonly opts = { dialect: 'sqlite', url: 'sqlite', table: TABLE };
  namespace?: string;
  private readonly db: Database.Database;
  private readonly busyTimeoutMs: number;
  private readonly sweepTimer: NodeJS.Timeout | undefined;
  /** When the current event-loop turn's first statement ran (0: none yet this turn). */
  private turnStartedAt = 0;
  private readonly statements: {
    get: Database.Statement<[string], { value: string }>;
    upsert: Database.Statement<[string, string]>;
    delete: Database.Statement<[string]>;
    clear: Database.Statement<[string]>;
    range: Database.Statement<[string, string], { key: string }>;
    page: Database.Statement<[number], { id: number; expires: number | null }>;
    deleteRow: Database.Statement<[number]>;
  };

  constructor(file: string, options: SqliteStoreOptions = {}) {
    super();
    this.busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    // Opening may wait for a lock held elsewhere (once, at start); after that the loop never blocks on one.
    this.db = new Database(file, { timeout: this.busyTimeoutMs });
    // In the default rollback journal each write cost about four fsyncs (20 ms on the bench machine). With a
    // write-ahead log and synchronous=NORMAL a commit is an append and fsyncs happen at checkpoints: still atomic, and
    // durable when the process crashes (what the crash tests kill); only an OS crash or power loss can undo the last
    // commits.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT)`);
    this.db.pragma('busy_timeout = 0');
    this.statements = {
      get: this.db.prepare(`SELECT value FROM ${TABLE} WHERE key = ?`),
      upsert: this.db.prepare(`INSERT INTO ${TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
      delete: this.db.prepare(`DELETE FROM ${TABLE} WHERE key = ?`),
      clear: this.db.prepare(`DELETE FROM ${TABLE} WHERE key LIKE ?`),
      range: this.db.prepare(`SELECT key FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY rowid`),
      page: this.db.prepare(
        `SELECT rowid AS id, CASE WHEN json_valid(value) THEN json_extract(value, '$.expires') END AS expires FROM ${TABLE} WHERE rowid > ? ORDER BY rowid LIMIT ${SWEEP_PAGE_ROWS}`,
      ),
      deleteRow: this.db.prepare(`DELETE FROM ${TABLE} WHERE rowid = ?`),
    };
    const every = options.sweepIntervalMs ?? SWEEP_INTERVAL_MS;
    if (every > 0) {
      this.sweepTimer = setInterval(() => void this.sweepExpired().catch((error: unknown) => this.emit('error', error)), every);
      this.sweepTimer.unref();
    }
  }

  async get(key: string): Promise<string | undefined> {
    return this.run(() => this.statements.get.get(key)?.value);
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    return this.run(() => keys.map((key) => this.statements.get.get(key)?.value));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.run(() => this.statements.upsert.run(key, value));
  }

  async delete(key: string): Promise<boolean> {
    return this.run(() => this.statements.delete.run(key).changes > 0);
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return this.run(() => this.db.transaction(() => keys.reduce((any, key) => this.statements.delete.run(key).changes > 0 || any, false))());
  }

  async clear(): Promise<void> {
    await this.run(() => this.statements.clear.run(this.namespace ? `${this.namespace}:%` : '%'));
  }

  async *iterator(namespace?: string): AsyncGenerator<[string, string]> {
    const rows = await this.run(() => this.db.prepare(`SELECT key, value FROM ${TABLE} WHERE key LIKE ? ORDER BY rowid`).all(namespace ? `${namespace}:%` : '%') as { key: string; value: string }[]);
    for (const row of rows) yield [row.key, row.value];
  }

  /** Keys starting with `prefix` (whose last character is ':'), oldest first: a range read on the primary key. */
  async keysWithPrefix(prefix: string): Promise<string[]> {
    const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
    return this.run(() => this.statements.range.all(prefix, end).map((row) => row.key));
  }

  /**
   * Deletes rows whose keyv `expires` has passed (claims, locks, caches), a page at a time with the loop free
   * between pages, so the file does not grow by two rows for every Slack message ever seen. Returns how many went.
   */
  async sweepExpired(now = Date.now()): Promise<number> {
    let after = 0;
    let removed = 0;
    for (;;) {
      const rows = await this.run(() => this.statements.page.all(after));
      if (rows.length === 0) return removed;
      after = rows[rows.length - 1]!.id;
      const expired = rows.filter((row) => typeof row.expires === 'number' && row.expires < now);
      if (expired.length > 0) removed += await this.run(() => this.db.transaction(() => expired.reduce((n, row) => n + this.statements.deleteRow.run(row.id).changes, 0))());
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One PRAGMA's current value on this connection (for checks and diagnostics). */
  pragma(name: string): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async disconnect(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.db.open) this.db.close();
  }

  /**
   * Statements answer at once, so a loop of awaited store calls (the sweep reading 7,000 pending jobs) would be one
   * chain of microtasks that keeps every socket waiting: LD-1 saw a 3.8 s acknowledgement. A chain that has held the
   * loop for TURN_BUDGET_MS since its first statement steps aside for one turn (setImmediate runs after I/O).
   */
  private async yieldIfLong(): Promise<void> {
    const now = performance.now();
    if (!this.turnStartedAt) {
      this.turnStartedAt = now;
      setImmediate(() => (this.turnStartedAt = 0));
    } else if (now - this.turnStartedAt > TURN_BUDGET_MS) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Runs `statement` now, or again after a short wait while another connection holds the lock. */
  private async run<T>(statement: () => T): Promise<T> {
    await this.yieldIfLong();
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        return statement();
      } catch (error) {
        if (!isBusy(error) || Date.now() + wait > deadline) throw error;
        await sleep(wait);
      }
    }
  }
}
