import GRDB

/// The schema, as append-only migrations: never edit one that has shipped; add the next.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, fetch log, documents, versions, bodies, facts, outbox") { db in
            try db.execute(sql: """
                CREATE TABLE source (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    name TEXT NOT NULL,
                    next_due DATETIME,
                    failures INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    last_poll DATETIME,
                    last_outcome TEXT,
                    last_success DATETIME,
                    removed INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE fetch_log (
                    id INTEGER PRIMARY KEY,
                    time DATETIME NOT NULL,
                    source TEXT NOT NULL,
                    url TEXT NOT NULL,
                    status INTEGER,
                    outcome TEXT NOT NULL,
                    bytes INTEGER NOT NULL DEFAULT 0,
                    ms INTEGER NOT NULL DEFAULT 0,
                    error TEXT
                );
                CREATE INDEX fetch_log_by_time ON fetch_log(time);
                CREATE INDEX fetch_log_by_source ON fetch_log(source, time);
                CREATE TABLE body (
                    raw_hash TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    content_type TEXT,
                    data BLOB NOT NULL
                );
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    first_seen DATETIME NOT NULL,
                    last_seen DATETIME NOT NULL,
                    current_version INTEGER,
                    duplicate_of INTEGER REFERENCES document(id),
                    etag TEXT,
                    last_modified TEXT,
                    raw_hash TEXT,
                    missing_count INTEGER NOT NULL DEFAULT 0,
                    hint TEXT,
                    simhash INTEGER
                );
                CREATE INDEX document_by_source ON document(source, first_seen);
                CREATE TABLE version (
                    id INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    raw_hash TEXT NOT NULL REFERENCES body(raw_hash),
                    fetched_at DATETIME NOT NULL,
                    charset TEXT,
                    title TEXT NOT NULL,
                    published TEXT,
                    authors TEXT NOT NULL,
                    editor TEXT,
                    source_name TEXT,
                    site_name TEXT,
                    script TEXT NOT NULL,
                    text TEXT NOT NULL,
                    title_simplified TEXT NOT NULL,
                    text_simplified TEXT NOT NULL,
                    links TEXT NOT NULL,
                    simhash INTEGER NOT NULL,
                    UNIQUE(document, content_hash),
                    UNIQUE(document, number)
                );
                CREATE INDEX version_by_content_hash ON version(content_hash);
                CREATE TABLE fact (
                    id INTEGER PRIMARY KEY,
                    version INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    "offset" INTEGER NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX fact_by_version ON fact(version);
                CREATE INDEX fact_by_kind ON fact(kind, version);
                CREATE TABLE simhash_band (
                    band INTEGER NOT NULL,
                    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    PRIMARY KEY(band, document)
                ) WITHOUT ROWID;
                CREATE TABLE near_duplicate (
                    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    other INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    distance INTEGER NOT NULL,
                    PRIMARY KEY(document, other)
                ) WITHOUT ROWID;
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    time DATETIME NOT NULL,
                    type TEXT NOT NULL,
                    source TEXT NOT NULL,
                    url TEXT,
                    document INTEGER,
                    version INTEGER,
                    content_hash TEXT,
                    previous_hash TEXT,
                    title TEXT,
                    published TEXT,
                    diff_added INTEGER,
                    diff_removed INTEGER,
                    diff TEXT,
                    error TEXT,
                    delivered INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX outbox_pending ON outbox(delivered, seq);
                CREATE VIRTUAL TABLE document_fts USING fts5(title, body, tokenize = 'unicode61');
                """)
        }
        migrator.registerMigration("v2: listing pages, feeds and sitemaps with their validators") { db in
            try db.execute(sql: """
                CREATE TABLE listing (
                    url TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    raw_hash TEXT,
                    fetched_at DATETIME NOT NULL,
                    links INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX document_by_last_seen ON document(source, last_seen);
                """)
        }
        migrator.registerMigration("v3: paragraph fingerprints for reposts that drop or add paragraphs") { db in
            try db.execute(sql: """
                CREATE TABLE paragraph_hash (
                    hash INTEGER NOT NULL,
                    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    length INTEGER NOT NULL,
                    PRIMARY KEY(hash, document)
                ) WITHOUT ROWID;
                CREATE INDEX paragraph_hash_by_document ON paragraph_hash(document);
                ALTER TABLE near_duplicate ADD COLUMN overlap REAL;
                """)
        }
        migrator.registerMigration("v4: a changed document's changes and facts for its event") { db in
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN diff_detail TEXT")
        }
        migrator.registerMigration("v5-push-cursors") { db in
            // One row per [[notify]] target: the seq of the last event it has been given (or skipped).
            try db.execute(sql: """
                CREATE TABLE push_cursor (
                    target TEXT PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    added DATETIME NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v6-retention: find a body's versions when pruning") { db in
            try db.execute(sql: "CREATE INDEX version_by_raw_hash ON version(raw_hash)")
        }
        migrator.registerMigration("v7-attachments") { db in
            // A version's attachments (url, link text, type, sha256 of the bytes, text), and facts found in
            // an attachment's text name it (their offsets are into that text).
            try db.execute(sql: """
                CREATE TABLE attachment (
                    id INTEGER PRIMARY KEY,
                    version INTEGER NOT NULL REFERENCES version(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    url TEXT NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    text TEXT NOT NULL,
                    text_simplified TEXT NOT NULL,
                    chars INTEGER NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    UNIQUE(version, url),
                    UNIQUE(version, position)
                );
                ALTER TABLE fact ADD COLUMN attachment INTEGER REFERENCES attachment(id) ON DELETE CASCADE;
                """)
        }
        migrator.registerMigration("v8-policy-metadata") { db in
            // A policy page's issuing office, document number, signing date and disclosure index number.
            try db.execute(sql: """
                ALTER TABLE version ADD COLUMN issuer TEXT;
                ALTER TABLE version ADD COLUMN doc_number TEXT;
                ALTER TABLE version ADD COLUMN written TEXT;
                ALTER TABLE version ADD COLUMN index_number TEXT;
                """)
        }
        return migrator
    }
}
