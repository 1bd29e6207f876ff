#!/usr/bin/python3
"""A small shop service for the incident lab: HTTP in, pooled PyMySQL transactions out, request and process
metrics on a port of its own, and one of four log styles (Spring Boot/logback, JSON lines, monolog, logfmt).

Faults are switched by the release the driver starts (`--fault`): a leaking pool, N+1 queries, memory growth.
Test tooling only; never part of Postmortem.
"""
import argparse
import json
import os
import queue
import random
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pymysql
from prometheus_client import Counter, Gauge, Histogram, start_http_server

ARGS = None
LOG_LOCK = threading.Lock()
HOSTNAME = socket.gethostname()

REQUESTS = Counter("http_requests_total", "HTTP requests handled", ["method", "handler", "status"])
DURATION = Histogram(
    "http_request_duration_seconds", "HTTP request latency", ["handler"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
DB_ERRORS = Counter("db_errors_total", "Database errors by MySQL error code", ["code"])
POOL = Gauge("db_pool_connections", "Connections held by the pool", ["state"])
UPSTREAM = Histogram(
    "upstream_request_duration_seconds", "Outbound HTTP call latency", ["host"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0))
INFO = Gauge("app_info", "Build information", ["version"])


def log(level, message, logger="web", **fields):
    """Writes one line in the service's style to stdout (the driver sends it to the service's log file)."""
    now = datetime.now(timezone.utc)
    style = ARGS.style
    if style == "logback":
        thread = threading.current_thread().name.replace("Thread-", "http-nio-exec-")[-15:]
        name = f"c.lab.{ARGS.name}.{logger[:1].upper()}{logger[1:]}Controller"
        extra = " ".join(f"{k}={v}" for k, v in fields.items())
        line = (f"{now:%Y-%m-%d %H:%M:%S}.{now.microsecond // 1000:03d} {level.upper():>5} {os.getpid()} --- "
                f"[{thread:>15}] {name[-40:]:<40} : {message}{' ' + extra if extra else ''}")
    elif style == "json":
        record = {"level": level, "time": int(now.timestamp() * 1000), "pid": os.getpid(), "hostname": HOSTNAME,
                  "service": ARGS.name, "msg": message}
        record.update(fields)
        line = json.dumps(record, separators=(",", ":"))
    elif style == "monolog":
        context = json.dumps(fields, separators=(",", ":")) if fields else "[]"
        line = f"[{now.isoformat(timespec='microseconds')}] app.{level.upper()}: {message} {context} []"
    else:  # logfmt, as logrus writes it
        def quote(value):
            text = str(value)
            return json.dumps(text) if (" " in text or "=" in text or '"' in text or not text) else text
        parts = [f"time={quote(now.strftime('%Y-%m-%dT%H:%M:%S.') + f'{now.microsecond // 1000:03d}Z')}",
                 f"level={level}", f"msg={quote(message)}"]
        parts += [f"{k}={quote(v)}" for k, v in fields.items()]
        line = " ".join(parts)
    with LOG_LOCK:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class PoolTimeout(Exception):
    pass


class Pool:
    """A bounded connection pool: idle connections are reused, new ones opened up to `size`."""

    def __init__(self, size, timeout):
        self.size = size
        self.timeout = timeout
        self.idle = queue.LifoQueue()
        self.open = 0
        self.lock = threading.Condition()
        self.leaked = []

    def connect(self):
        connection = pymysql.connect(
            host="127.0.0.1", port=ARGS.db_port, user=ARGS.db_user, password=ARGS.db_password,
            database=ARGS.db_name, autocommit=False, connect_timeout=3, read_timeout=30, write_timeout=30)
        connection.opened_at = time.monotonic()
        return connection

    def acquire(self):
        deadline = time.monotonic() + self.timeout
        with self.lock:
            while True:
                try:
                    connection = self.idle.get_nowait()
                    self.gauge()
                    return connection
                except queue.Empty:
                    pass
                if self.open < self.size:
                    self.open += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PoolTimeout(
                        f"{ARGS.name}-pool - Connection is not available, request timed out after "
                        f"{int(self.timeout * 1000)}ms (total={self.open}, active={self.open - self.idle.qsize()}, "
                        f"idle={self.idle.qsize()}, waiting)")
                self.lock.wait(remaining)
        try:
            connection = self.connect()
        except Exception:
            with self.lock:
                self.open -= 1
                self.lock.notify()
            raise
        self.gauge()
        return connection

    def release(self, connection, broken=False):
        expired = ARGS.max_lifetime and time.monotonic() - connection.opened_at > ARGS.max_lifetime
        with self.lock:
            if broken or expired:
                self.open -= 1
                try:
                    connection.close()
                except Exception:
                    pass
            else:
                self.idle.put(connection)
            self.lock.notify()
        self.gauge()

    def leak(self, connection):
        """The release's bug: the connection is kept by the caller and never handed back."""
        self.leaked.append(connection)
        self.gauge()

    def gauge(self):
        POOL.labels("idle").set(self.idle.qsize())
        POOL.labels("active").set(self.open - self.idle.qsize())


POOL_INSTANCE = None
WORKERS = None
HOARD = []


def database_work(cursor, item):
    cursor.execute("SELECT id, stock, price FROM items WHERE id = %s FOR UPDATE", (item,))
    cursor.fetchone()
    cursor.execute("UPDATE items SET stock = stock - 1, updated_at = NOW(6) WHERE id = %s", (item,))
    cursor.execute(
        "INSERT INTO events (service, item_id, created_at) VALUES (%s, %s, NOW(6))", (ARGS.name, item))
    if ARGS.fault == "n1":
        # The release's new listing: one query for the ids, then one per row (N+1).
        cursor.execute("SELECT id FROM items WHERE id > %s ORDER BY id LIMIT %s", (item, ARGS.listing))
        for (other,) in cursor.fetchall():
            cursor.execute("SELECT id, name, price, stock FROM items WHERE id = %s", (other,))
            cursor.fetchone()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/healthz"):
            return self.reply(200, {"status": "UP"})
        started = time.monotonic()
        if WORKERS is not None:
            with WORKERS:  # a bounded worker pool, as gunicorn's --threads or Tomcat's maxThreads: requests queue
                return self.handle_request(started)
        return self.handle_request(started)

    def handle_request(self, started):
        handler = "/" + self.path.strip("/").split("/")[0].split("?")[0]
        status = 200
        item = random.randint(1, ARGS.hot_rows)
        try:
            if ARGS.fault == "memory":
                HOARD.append(bytearray(os.urandom(16)) * (ARGS.memory_kb * 64))
            if ARGS.dependency:
                self.call_dependency(item)
            connection = POOL_INSTANCE.acquire()
            broken = False
            try:
                with connection.cursor() as cursor:
                    database_work(cursor, item)
                connection.commit()
            except pymysql.err.MySQLError as error:
                code = error.args[0] if error.args else 0
                broken = code in (0, 2006, 2013, 2003) or not connection.open
                try:
                    if not broken:
                        connection.rollback()
                except Exception:
                    broken = True
                raise
            finally:
                if ARGS.fault == "leak" and not broken and random.random() < ARGS.leak_ratio:
                    POOL_INSTANCE.leak(connection)
                else:
                    POOL_INSTANCE.release(connection, broken)
        except PoolTimeout as error:
            status = 503
            log("error", f"Request failed: {error}", path=self.path)
        except pymysql.err.MySQLError as error:
            status = 500
            code = error.args[0] if error.args else 0
            DB_ERRORS.labels(str(code)).inc()
            log("error", f"Request failed: pymysql.err.{type(error).__name__}: {error}", path=self.path)
        except DependencyError as error:
            status = 502
            log("error", str(error), path=self.path)
        elapsed = time.monotonic() - started
        REQUESTS.labels("GET", handler, str(status)).inc()
        DURATION.labels(handler).observe(elapsed)
        if status == 200:
            log("info", "request completed", path=self.path, status=status, duration_ms=int(elapsed * 1000))
        self.reply(status, {"item": item, "status": status})

    def call_dependency(self, item):
        host = ARGS.dependency.split("/")[2]
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"{ARGS.dependency}/v1/quote?item={item}",
                                        timeout=ARGS.dependency_timeout) as response:
                response.read()
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            UPSTREAM.labels(host).observe(time.monotonic() - started)
            raise DependencyError(f"GET {ARGS.dependency}/v1/quote failed after "
                                  f"{int((time.monotonic() - started) * 1000)}ms: {error}")
        UPSTREAM.labels(host).observe(time.monotonic() - started)


class DependencyError(Exception):
    pass


def main():
    global ARGS, POOL_INSTANCE, WORKERS
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--metrics-port", type=int, required=True)
    parser.add_argument("--db-port", type=int, required=True)
    parser.add_argument("--db-user", required=True)
    parser.add_argument("--db-password", required=True)
    parser.add_argument("--db-name", default="shop")
    parser.add_argument("--style", choices=["logback", "json", "monolog", "logfmt"], required=True)
    parser.add_argument("--version", default="1.0.0")
    parser.add_argument("--pool-size", type=int, default=10)
    parser.add_argument("--workers", type=int, default=0, help="requests handled at once; 0 for no limit")
    parser.add_argument("--pool-timeout", type=float, default=3.0)
    parser.add_argument("--max-lifetime", type=float, default=0, help="seconds; 0 keeps connections forever")
    parser.add_argument("--hot-rows", type=int, default=50)
    parser.add_argument("--fault", choices=["none", "leak", "n1", "memory"], default="none")
    parser.add_argument("--leak-ratio", type=float, default=0.1)
    parser.add_argument("--listing", type=int, default=200, help="rows the N+1 release lists one by one")
    parser.add_argument("--memory-kb", type=int, default=512)
    parser.add_argument("--dependency", default="")
    parser.add_argument("--dependency-timeout", type=float, default=2.0)
    ARGS = parser.parse_args()
    POOL_INSTANCE = Pool(ARGS.pool_size, ARGS.pool_timeout)
    WORKERS = threading.BoundedSemaphore(ARGS.workers) if ARGS.workers else None
    INFO.labels(ARGS.version).set(1)
    start_http_server(ARGS.metrics_port, addr="127.0.0.1")
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    log("info", f"Starting {ARGS.name} v{ARGS.version} on port {ARGS.port} (pool size {ARGS.pool_size})",
        logger="application")
    server.serve_forever()


if __name__ == "__main__":
    main()
