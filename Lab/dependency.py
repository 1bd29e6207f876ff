#!/usr/bin/python3
"""The outbound HTTP dependency one lab service calls (a quote API on its own loopback address).
From `--slow-from` (epoch seconds) on it answers after `--slow-delay` seconds instead of a few milliseconds."""
import argparse
import json
import random
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--slow-from", type=float, default=0)
parser.add_argument("--slow-delay", type=float, default=0)
ARGS = parser.parse_args()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        delay = random.uniform(0.005, 0.03)
        if ARGS.slow_from and time.time() >= ARGS.slow_from:
            delay += ARGS.slow_delay * random.uniform(0.7, 1.3)
        time.sleep(delay)
        data = json.dumps({"quote": round(random.uniform(1, 100), 2)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


server = ThreadingHTTPServer((ARGS.host, ARGS.port), Handler)
server.daemon_threads = True
server.serve_forever()
