/**
 * Schema migrations, applied in order at start-up by Kysely's Migrator (which records them in its own table and
 * takes a lock, so several instances starting at once apply each migration once). Never edit a released migration:
 * add the next one.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Repository } from './repository';

type Dialect = Repository['dialect'];

/** MySQL compares strings case-insensitively by default: ids, openIds and nonces are case-sensitive. */
function tableOptions(dialect: Dialect) {
  return dialect === 'mysql' ? sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin` : sql``;
}

function initialSchema(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('devices')
        .addColumn('sn', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('model_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('device_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('secret', 'varchar(64)', (c) => c.notNull())
        .addColumn('push_token', 'text')
        .addColumn('push_token_expires_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .modifyEnd(tableOptions(dialect))
        .execute();

      await db.schema
        .createTable('contacts')
        .addColumn('sn', 'varchar(128)', (c) => c.notNull())
        .addColumn('open_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('name', 'varchar(64)', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('contacts_pk', ['sn', 'open_id'])
        .modifyEnd(tableOptions(dialect))
        .execute();
      await db.schema.createIndex('contacts_open_id').on('contacts').column('open_id').execute();

      await db.schema
        .createTable('pairings')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('sn', 'varchar(128)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('claimed_by', 'varchar(128)')
        .addColumn('contact_name', 'varchar(64)')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .modifyEnd(tableOptions(dialect))
        .execute();
      await db.schema.createIndex('pairings_sn_status').on('pairings').columns(['sn', 'status']).execute();
      await db.schema.createIndex('pairings_created_at').on('pairings').column('created_at').execute();

      await db.schema
        .createTable('nonces')
        .addColumn('sn', 'varchar(128)', (c) => c.notNull())
        .addColumn('nonce', 'varchar(64)', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('nonces_pk', ['sn', 'nonce'])
        .modifyEnd(tableOptions(dialect))
        .execute();
      await db.schema.createIndex('nonces_seen_at').on('nonces').column('seen_at').execute();
    },
  };
}

/** A contact shown on the device's home (0 or 1: an integer on every engine, bound alike by every driver). */
const pinnedContacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('contacts')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * When each device last reached the service (for installers), and one row per server instance that readiness
 * checks rewrite: a write that commits proves the database takes writes (disk not full, not read-only).
 */
function contactAndReadiness(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('devices').addColumn('last_contact_at', 'bigint').execute();
      await db.schema
        .createTable('readiness')
        .addColumn('instance', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('checked_at', 'bigint', (c) => c.notNull())
        .modifyEnd(tableOptions(dialect))
        .execute();
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001-initial-schema': initialSchema(dialect),
        '0002-pinned-contacts': pinnedContacts,
        '0003-contact-and-readiness': contactAndReadiness(dialect),
      }),
  };
}
