import GRDB

/// The store's tables, versioned: each migration is applied once, in order, and recorded by GRDB in
/// `grdb_migrations`, so an older store is brought up to date when a newer Postmortem opens it.
///
/// Every row belongs to a night and goes with it (`ON DELETE CASCADE`): replacing a night or expiring it
/// under `--keep` is one `DELETE` of its `night` row. Keys are natural (night, signal key, hour…), never
/// row ids, so writing the same night twice gives the same rows.
enum StoreSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: nights, signals, baselines, templates, findings, inputs") { db in
      try db.execute(
        sql: """
          CREATE TABLE night (
            night TEXT PRIMARY KEY NOT NULL,      -- YYYY-MM-DD in the run's zone
            windowFrom INTEGER NOT NULL,          -- epoch ms, UTC
            windowTo INTEGER NOT NULL,
            utcOffsetSeconds INTEGER NOT NULL,
            resolutionSeconds INTEGER NOT NULL,
            files INTEGER NOT NULL, bytes INTEGER NOT NULL, records INTEGER NOT NULL, skipped INTEGER NOT NULL,
            -- rows written with the night, so a reader can check that a night is whole
            signalRows INTEGER NOT NULL, hourRows INTEGER NOT NULL, baselineRows INTEGER NOT NULL,
            templateRows INTEGER NOT NULL, changePointRows INTEGER NOT NULL, incidentRows INTEGER NOT NULL,
            inputRows INTEGER NOT NULL,
            attention INTEGER NOT NULL,
            exitCode INTEGER NOT NULL
          );
          CREATE TABLE signal (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            key TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, role TEXT NOT NULL,
            mean REAL,                            -- over the night's buckets with data; NULL when none
            PRIMARY KEY (night, key)
          );
          CREATE TABLE signalHour (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            key TEXT NOT NULL,
            hourStart INTEGER NOT NULL,           -- epoch ms, UTC
            hourOfDay INTEGER NOT NULL,           -- 0…23 in the run's zone
            weekday INTEGER NOT NULL,             -- 0 = Sunday
            mean REAL NOT NULL, buckets INTEGER NOT NULL,
            PRIMARY KEY (night, key, hourStart)
          );
          CREATE INDEX signalHourByKey ON signalHour(key, hourOfDay);
          CREATE TABLE baseline (                 -- what the night was judged against
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            key TEXT NOT NULL, hourOfDay INTEGER NOT NULL,
            weekday INTEGER NOT NULL,             -- -1: every day of the week
            samples INTEGER NOT NULL, median REAL NOT NULL, mad REAL NOT NULL, p10 REAL NOT NULL, p90 REAL NOT NULL,
            PRIMARY KEY (night, key, hourOfDay, weekday)
          );
          CREATE TABLE template (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            service TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL,
            severity TEXT NOT NULL,               -- 'error' (warn and above) or 'info'
            count INTEGER NOT NULL, firstSeen INTEGER, lastSeen INTEGER,
            PRIMARY KEY (night, service, id)
          );
          CREATE VIEW templateHistory AS
            SELECT service, id, MAX(text) AS text, MIN(firstSeen) AS firstSeen, MAX(lastSeen) AS lastSeen,
                   COUNT(*) AS nights, SUM(count) AS lines
            FROM template GROUP BY service, id;
          CREATE TABLE changePoint (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            seq INTEGER NOT NULL, time TEXT NOT NULL, component TEXT NOT NULL, signal TEXT NOT NULL,
            change TEXT NOT NULL, before REAL NOT NULL, after REAL NOT NULL, unit TEXT NOT NULL,
            PRIMARY KEY (night, seq)
          );
          CREATE TABLE incident (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            seq INTEGER NOT NULL, onset TEXT NOT NULL, component TEXT NOT NULL, kind TEXT NOT NULL,
            resource TEXT, confidence REAL NOT NULL, summary TEXT NOT NULL, rcaJSON TEXT NOT NULL,
            PRIMARY KEY (night, seq)
          );
          CREATE TABLE input (
            night TEXT NOT NULL REFERENCES night(night) ON DELETE CASCADE,
            path TEXT NOT NULL, bytes INTEGER NOT NULL, hash TEXT NOT NULL,
            PRIMARY KEY (night, path)
          );
          """)
    }
    return migrator
  }
}
