#!/usr/bin/python3
"""Open-loop load: requests start at Poisson arrival times whatever the answers' latency, so a slow system
sees the same offered load. The plan (JSON) lists flows: client name, source address, path, rate, and the
epoch-second window in which each runs; each client's requests leave from its own loopback address."""
import http.client
import json
import random
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

plan = json.load(open(sys.argv[1]))
random.seed(plan["seed"])
pool = ThreadPoolExecutor(max_workers=plan.get("workers", 1000))
counts = {"sent": 0, "failed": 0}
lock = threading.Lock()


def request(flow):
    try:
        connection = http.client.HTTPConnection(
            "127.0.0.1", plan["port"], timeout=15, source_address=(flow["source"], 0))
        connection.request("GET", flow["path"] + f"?q={random.randint(1, 10**6)}",
                           headers={"User-Agent": flow["agent"]})
        connection.getresponse().read()
        connection.close()
    except Exception:
        with lock:
            counts["failed"] += 1


def run(flow):
    rng = random.Random(hash((plan["seed"], flow["source"], flow["path"], flow["from"])))
    next_time = max(time.time(), flow["from"])
    while next_time < flow["to"]:
        delay = next_time - time.time()
        if delay > 0:
            time.sleep(delay)
        pool.submit(request, flow)
        with lock:
            counts["sent"] += 1
        next_time += rng.expovariate(flow["rate"])


threads = [threading.Thread(target=run, args=(flow,), daemon=True) for flow in plan["flows"]]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
pool.shutdown(wait=True)
print(json.dumps(counts))
