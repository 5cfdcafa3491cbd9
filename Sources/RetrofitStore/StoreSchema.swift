import GRDB
import RetrofitCore

/// The database layout. Migrations are never edited once shipped: add a new one instead.
enum StoreSchema {
    /// `PRAGMA application_id` of retrofit databases ("RTRF"), so other programs' files are recognised.
    static let applicationID: Int32 = 0x5254_5246
    /// `PRAGMA user_version`: the newest migration this build knows.
    static let version = 6

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: event log, projections, people") { db in
            try db.execute(sql: """
                CREATE TABLE event (
                    sequence INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    workflow_id TEXT NOT NULL,
                    workflow_version INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    UNIQUE (case_id, version)
                ) STRICT;
                CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

                CREATE TABLE workflow_definition (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    digest TEXT NOT NULL,
                    PRIMARY KEY (id, version)
                ) STRICT;

                CREATE TABLE case_state (
                    id TEXT PRIMARY KEY,
                    workflow_id TEXT NOT NULL,
                    workflow_version INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    helper TEXT,
                    district TEXT,
                    priority TEXT NOT NULL,
                    difficulty TEXT NOT NULL,
                    opened_at TEXT NOT NULL,
                    stage_entered_at TEXT NOT NULL,
                    last_occurred_at TEXT NOT NULL,
                    deadline TEXT,
                    due_soon_from TEXT,
                    deadline_problem TEXT,
                    commissioned_on TEXT,
                    snapshot TEXT NOT NULL
                ) STRICT;
                CREATE INDEX case_state_by_deadline ON case_state (status, deadline);
                CREATE INDEX case_state_by_stage ON case_state (workflow_id, stage);

                CREATE TABLE stage_visit (
                    case_id TEXT NOT NULL,
                    visit INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    entered_at TEXT NOT NULL,
                    left_at TEXT,
                    suspended_days INTEGER NOT NULL,
                    PRIMARY KEY (case_id, visit)
                ) STRICT;

                CREATE TABLE suspension (
                    case_id TEXT NOT NULL,
                    visit INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    from_at TEXT NOT NULL,
                    until_at TEXT,
                    reason TEXT NOT NULL,
                    note TEXT,
                    PRIMARY KEY (case_id, visit, number)
                ) STRICT;

                CREATE TABLE person (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    district TEXT
                ) STRICT;
                """)
        }
        migrator.registerMigration("v2: provisional deadlines, projection inputs") { db in
            // 1 when the deadline was computed with a year whose State Council notice is not yet
            // published (DOMAIN.md §4); deadlines before this migration were all official.
            try db.execute(sql: """
                ALTER TABLE case_state ADD COLUMN deadline_provisional INTEGER NOT NULL DEFAULT 0;

                -- What the projections were computed with, so they are recomputed when it changes:
                -- name 'calendars' holds the digest of the calendar files in force.
                CREATE TABLE projection_input (
                    name TEXT PRIMARY KEY,
                    digest TEXT NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v3: audit checkpoints") { db in
            // Signed heads of the log (see `AuditCheckpoint`): kept beside the events, checked against a key kept elsewhere.
            try db.execute(sql: """
                CREATE TABLE audit_checkpoint (
                    number INTEGER PRIMARY KEY,
                    sequence INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    signed_at TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    signature TEXT NOT NULL
                ) STRICT;
                CREATE TRIGGER audit_checkpoint_is_append_only_update BEFORE UPDATE ON audit_checkpoint
                BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                CREATE TRIGGER audit_checkpoint_is_append_only_delete BEFORE DELETE ON audit_checkpoint
                BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                """)
        }
        migrator.registerMigration("v4: compiled workflow definitions") { db in
            try db.execute(sql: "ALTER TABLE workflow_definition ADD COLUMN compiled TEXT")
            // Definitions stored before compiled forms existed get theirs now, so no command parses their YAML again.
            for stored in try Row.fetchAll(db, sql: "SELECT id, version, source, compiled FROM workflow_definition")
                .compactMap(CaseStore.storedDefinition) {
                guard let definition = try? stored.load() else { continue }
                try db.execute(sql: "UPDATE workflow_definition SET compiled = ? WHERE id = ? AND version = ?",
                               arguments: [CompiledWorkflow.encode(definition), stored.id, stored.version])
            }
        }
        migrator.registerMigration("v5: working days of closed stage visits") { db in
            // What `report bottlenecks` adds up instead of counting each visit's days (NULL while a visit is
            // open, or when its calendar cannot count it). They are counted with the calendars, which the
            // store does not hold: forgetting the calendars the projections were computed with makes the
            // next command that opens the database recompute them from the events, filling the new columns.
            try db.execute(sql: """
                ALTER TABLE stage_visit ADD COLUMN working_days INTEGER;
                ALTER TABLE stage_visit ADD COLUMN suspended_working_days INTEGER;
                DELETE FROM projection_input WHERE name = 'calendars';
                """)
        }
        migrator.registerMigration("v6: sign-in") { db in
            // Secrets and sessions live beside the log, never in it: the log records that a password was set
            // (an `access-changed` event), these tables hold the bcrypt hash and the SHA-256 of tokens and
            // session ids. Times are seconds since the epoch, compared as numbers.
            try db.execute(sql: """
                ALTER TABLE person ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE credential_password (
                    person TEXT PRIMARY KEY,
                    hash TEXT NOT NULL,
                    set_at INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE credential_token (
                    digest TEXT PRIMARY KEY,
                    person TEXT NOT NULL,
                    label TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_on TEXT,
                    revoked_at INTEGER,
                    UNIQUE (person, label)
                ) STRICT;
                CREATE TABLE session (
                    digest TEXT PRIMARY KEY,
                    person TEXT NOT NULL,
                    csrf_token TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX session_by_person ON session (person);
                CREATE TABLE sign_in_failure (
                    name TEXT NOT NULL,
                    address TEXT NOT NULL,
                    at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX sign_in_failure_by_name ON sign_in_failure (name, at);
                CREATE INDEX sign_in_failure_by_address ON sign_in_failure (address, at);
                CREATE TABLE request_key (
                    person TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    case_id TEXT,
                    status INTEGER,
                    content_type TEXT,
                    body BLOB,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (person, key)
                ) STRICT;
                """)
        }
        return migrator
    }

    /// The names of the migrations this build knows: a database recording another was changed by a newer retrofit.
    static let migrationIdentifiers = Set(migrator.migrations)

    /// The projection tables: what `rebuild` empties and refills from the log.
    static let projectionTables = ["case_state", "stage_visit", "suspension", "person"]
}
