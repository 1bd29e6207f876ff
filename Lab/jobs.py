#!/usr/bin/python3
"""Database clients that are not services: a reporting job's heavy queries, and a batch job's long
transaction that holds row locks. Each connects as its own database user."""
import argparse
import random
import threading
import time

import pymysql

parser = argparse.ArgumentParser()
parser.add_argument("job", choices=["report", "hold-locks"])
parser.add_argument("--db-port", type=int, required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--until", type=float, required=True, help="epoch seconds")
parser.add_argument("--threads", type=int, default=3)
parser.add_argument("--rows", type=int, default=50)
ARGS = parser.parse_args()


def connect():
    return pymysql.connect(host="127.0.0.1", port=ARGS.db_port, user=ARGS.user, password=ARGS.password,
                           database="shop", autocommit=False, read_timeout=600)


REPORTS = [
    "SELECT a.region, b.region, COUNT(*), SUM(a.amount * b.amount) FROM sales_history a "
    "JOIN sales_history b ON a.customer_id = b.customer_id AND a.id < b.id GROUP BY a.region, b.region",
    "SELECT customer_id, SUM(amount), AVG(amount), MAX(sold_at) FROM sales_history "
    "WHERE note LIKE '%%x%%' GROUP BY customer_id ORDER BY SUM(amount) DESC",
    "SELECT s.region, COUNT(DISTINCT s.customer_id), SUM(s.amount) FROM sales_history s "
    "JOIN sales_history t ON t.region = s.region AND t.id BETWEEN s.id AND s.id + 1500 GROUP BY s.region",
]


def report(index):
    connection = connect()
    rng = random.Random(index)
    while time.time() < ARGS.until:
        with connection.cursor() as cursor:
            cursor.execute(rng.choice(REPORTS))
            cursor.fetchall()
        connection.commit()


def hold_locks():
    connection = connect()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE items SET price = price * 1.0, updated_at = NOW(6) WHERE id <= %s", (ARGS.rows,))
    # The batch forgets to commit: the transaction stays open, its row locks held, the session idle.
    while time.time() < ARGS.until:
        time.sleep(0.5)
    connection.commit()
    connection.close()


if ARGS.job == "report":
    threads = [threading.Thread(target=report, args=(i,)) for i in range(ARGS.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
else:
    hold_locks()
