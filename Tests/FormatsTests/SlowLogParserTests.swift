import Foundation
import Ingest
import Testing

@testable import Formats

/// The slow query log as MySQL 5.7/8.0, MariaDB and Percona Server write it.
@Suite("Slow query log")
struct SlowLogParserTests {
  /// A MySQL 5.7 log after a start-up banner: multi-line statements, `use`, an administrator command, a
  /// multi-row INSERT. The expected classes are pt-query-digest 3.2.1's (`--output json`) for this text.
  static let mysql57 = """
    /usr/sbin/mysqld, Version: 5.7.12-0ubuntu1.1-log ((Ubuntu)). started with:
    Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
    Time                 Id Command    Argument
    # Time: 2026-11-29T02:15:13.698433Z
    # User@Host: shipping[shipping] @ shipping-1 [10.0.3.7]  Id:     3
    # Query_time: 1.500000  Lock_time: 0.000324 Rows_sent: 10  Rows_examined: 2000
    use cities;
    SET timestamp=1795918513;
    SELECT * FROM cities WHERE code IN (1, 2, 3) AND name = 'Bob' LIMIT 10, 20;
    # Time: 2026-11-29T02:15:14.100000Z
    # User@Host: shipping[shipping] @ shipping-1 [10.0.3.7]  Id:     3
    # Query_time: 2.500000  Lock_time: 0.000324 Rows_sent: 10  Rows_examined: 3000
    SET timestamp=1795918514;
    SELECT *
      FROM cities
     WHERE code IN (7,8) AND name = "Alice"
     LIMIT 5;
    # Time: 2026-11-29T02:15:15.000000Z
    # User@Host: report[report] @  [10.0.9.1]  Id:     9
    # Query_time: 30.000000  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 900000
    SET timestamp=1795918515;
    select count(*) from orders o join lines l on l.order_id = o.id where o.created > '2026-01-01' order by o.id ASC, l.id asc;
    # Time: 2026-11-29T02:15:16.000000Z
    # User@Host: ratings[ratings] @ ratings-2 [10.0.4.2]  Id:    12
    # Query_time: 0.200000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 1
    SET timestamp=1795918516;
    INSERT INTO ratings (sku, score) VALUES ('a', 5), ('b', 4), ('c', 3);
    # Time: 2026-11-29T02:15:17.000000Z
    # User@Host: ratings[ratings] @ ratings-2 [10.0.4.2]  Id:    12
    # Query_time: 0.300000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 1
    SET timestamp=1795918517;
    INSERT INTO ratings (sku, score) VALUES ('d', 1);
    # Time: 2026-11-29T02:15:18.000000Z
    # User@Host: ratings[ratings] @ ratings-2 [10.0.4.2]  Id:    12
    # Query_time: 0.000100  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0
    SET timestamp=1795918518;
    # administrator command: Quit;
    # Time: 2026-11-29T02:15:19.000000Z
    # User@Host: ratings[ratings] @ ratings-2 [10.0.4.2]  Id:    12
    # Query_time: 0.400000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 5
    SET timestamp=1795918519;
    UPDATE tbl1 SET v = v + 1, flag = TRUE, x = NULL WHERE id = -3 /* retry */ AND h = 0xFF;

    """

  static let expectedClasses: [(fingerprint: String, seconds: Double, count: Int)] = [
    (
      "select count(*) from orders o join lines l on l.order_id = o.id where o.created > ? order by o.id, l.id",
      30, 1
    ),
    ("select * from cities where code in(?+) and name = ? limit ?", 4, 2),
    ("insert into ratings (sku, score) values(?+)", 0.5, 2),
    ("update tbl? set v = v ? ?, flag = ?, x = ? where id = ? and h = ?ff", 0.4, 1),
    ("administrator command: Quit", 0.0001, 1),
  ]

  static func queries(_ text: String, name: String = "slow.log", tz: Int = 0) throws -> (
    [SlowQuery], SourceStats
  ) {
    let path = try LogLineHarness.temporaryFile(text, name: name)
    var reader = SourceReader(source: Source(path: path), options: ReadOptions(utcOffsetSeconds: tz))
    var queries: [SlowQuery] = []
    try reader.read { record, _ in
      if case .database(.slowQuery(let query)) = record { queries.append(query) }
    }
    return (queries, reader.stats)
  }

  @Test("a MySQL 5.7 log is detected and its classes, counts and totals are pt-query-digest's")
  func classesMatchTheDigest() throws {
    let (queries, stats) = try Self.queries(Self.mysql57)
    #expect(stats.format == .mysqlSlowLog)
    #expect(stats.skipped == 0)
    #expect(queries.count == 7)
    var classes: [UInt64: (text: String, seconds: Double, count: Int)] = [:]
    for query in queries {
      if let sight = query.firstSight { classes[query.fingerprint] = (sight.fingerprint, 0, 0) }
      classes[query.fingerprint]!.seconds += query.queryTime
      classes[query.fingerprint]!.count += 1
    }
    #expect(classes.count == Self.expectedClasses.count)
    for expected in Self.expectedClasses {
      let found = classes.values.first { $0.text == expected.fingerprint }
      #expect(found?.count == expected.count, "\(expected.fingerprint) in \(classes.values.map(\.text))")
      #expect(abs((found?.seconds ?? -1) - expected.seconds) < 1e-9, "\(expected.fingerprint)")
    }
  }

  @Test("headers give the account, the host or its address, the counters and the database")
  func headers() throws {
    let (queries, _) = try Self.queries(Self.mysql57)
    let first = try #require(queries.first)
    #expect(first.user == "shipping")
    #expect(first.host == "shipping-1")
    #expect(first.database == "cities")
    #expect(first.rowsExamined == 2000)
    #expect(first.rowsSent == 10)
    #expect(first.queryTime == 1.5)
    #expect(first.line == 4)
    #expect(first.time == Timestamp(rfc3339: "2026-11-29T02:15:13.698Z"))
    #expect(
      first.firstSight?.example
        == "SELECT * FROM cities WHERE code IN (1, 2, 3) AND name = 'Bob' LIMIT 10, 20")
    #expect(queries[2].user == "report")
    #expect(queries[2].host == "10.0.9.1")
  }

  @Test("MariaDB's local # Time takes --tz, SET timestamp wins over it, extras are read")
  func mariaDB() throws {
    let log = """
      # Time: 261129  2:15:13
      # User@Host: root[root] @ localhost []
      # Thread_id: 8  Schema: shop  QC_hit: No
      # Query_time: 2.000218  Lock_time: 0.000000  Rows_sent: 1  Rows_examined: 0
      # Rows_affected: 0  Bytes_sent: 63
      SELECT SLEEP(2);
      # User@Host: root[root] @ localhost []
      # Thread_id: 8  Schema: shop  QC_hit: No
      # Query_time: 1.000000  Lock_time: 0.000000  Rows_sent: 1  Rows_examined: 0
      SET timestamp=1795918600;
      SELECT SLEEP(1);

      """
    let (queries, stats) = try Self.queries(log, tz: 3600)
    #expect(queries.count == 2)
    #expect(queries.first?.time == Timestamp(rfc3339: "2026-11-29T01:15:13Z"))
    #expect(queries.first?.database == "shop")
    #expect(queries.last?.time == Timestamp(milliseconds: 1_795_918_600_000))
    #expect(queries.first?.fingerprint == queries.last?.fingerprint)
    #expect(stats.assumedZone)
  }

  @Test("a 5.1 log with # User@Host on the # Time line, and an entry with no time at all is reported")
  func oldFormat() throws {
    let dated = """
      # Time: 071218 11:48:27 # User@Host: [SQL_SLAVE] @  []
      # Query_time: 0.000012  Lock_time: 0.000000  Rows_sent: 0  Rows_examined: 0
      SELECT 1;

      """
    let (queries, _) = try Self.queries(dated)
    #expect(queries.first?.user == "[SQL_SLAVE]")
    #expect(queries.first?.time == Timestamp(rfc3339: "2007-12-18T11:48:27Z"))
    let undated = """
      # User@Host: app[app] @ host []
      # Query_time: 0.5  Lock_time: 0.000000  Rows_sent: 0  Rows_examined: 0
      SELECT 1;

      """
    let (none, stats) = try Self.queries(undated)
    #expect(none.isEmpty)
    #expect(stats.skipped == 1)
    #expect(stats.skippedExamples.first?.reason.contains("no # Time") == true)
  }

  @Test(
    "fingerprints follow pt-query-digest",
    arguments: [
      ("SELECT a FROM t WHERE b IN ( 1 , 2 ) AND c = 'x''", "select a from t where b in(?+) and c = ?'"),
      ("use shop", "use ?"),
      ("CALL refresh_stock(1, 'a')", "call refresh_stock"),
      ("SELECT * FROM t WHERE a = ? AND b IS NULL -- note", "select * from t where a = ? and b is ? "),
      (
        "UPDATE tbl1 SET v = v + 1, flag = TRUE, x = NULL WHERE id = -3 /* retry */ AND h = 0xFF",
        "update tbl? set v = v ? ?, flag = ?, x = ? where id = ? and h = ?ff"
      ),
      ("select x from t limit 5 offset 10", "select x from t limit ?"),
      ("SELECT /*!40001 SQL_NO_CACHE */ * FROM `t`", "mysqldump"),
      ("INSERT INTO t VALUES (1,2),(3,4) ON DUPLICATE KEY UPDATE a=1", "insert into t values(?+)"),
      ("select 'it\\'s' from dual where false", "select ? from dual where ?"),
    ])
  func fingerprint(statement: String, expected: String) {
    #expect(QueryFingerprint.text(of: statement) == expected)
  }
}

extension SlowLogParserTests {
  @Test(
    "MariaDB's banner (tab-separated, `mariadbd, Version:`) is no statement, and entries after it are whole")
  func mariaDBBanner() throws {
    let log = """
      mariadbd, Version: 10.11.19-MariaDB-0+deb12u1 (Debian 12). started with:
      Tcp port: 33999  Unix socket: /tmp/s.sock
      Time\t\t    Id Command\tArgument
      # Time: 261208  0:26:29
      # User@Host: root[root] @ localhost [127.0.0.1]
      # Thread_id: 4  Schema:   QC_hit: No
      # Query_time: 0.000193  Lock_time: 0.000092  Rows_sent: 0  Rows_examined: 0
      # Rows_affected: 0  Bytes_sent: 75
      SET timestamp=1796689589;
      SELECT name FROM shop.cities WHERE id = 2;
      # User@Host: root[root] @ localhost [127.0.0.1]
      # Thread_id: 4  Schema:   QC_hit: No
      # Query_time: 0.100172  Lock_time: 0.000000  Rows_sent: 1  Rows_examined: 0
      # Rows_affected: 0  Bytes_sent: 67
      SET timestamp=1796689589;
      SELECT SLEEP(0.1);

      """
    let (queries, stats) = try Self.queries(log)
    #expect(stats.skipped == 0)
    #expect(queries.map(\.queryTime) == [0.000193, 0.100172])
    #expect(queries.first?.database == nil)
    #expect(queries.first?.firstSight?.fingerprint == "select name from shop.cities where id = ?")
  }
}
