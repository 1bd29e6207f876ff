"""The lab's processes: start, supervise, stop, and collect their evidence into a bundle."""
import glob
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone

LAB = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
NAMES = ["orders", "cart", "billing", "catalog", "inventory", "shipping", "checkout", "payments", "ratings",
         "search", "accounts", "pricing", "reviews", "loyalty"]
STYLES = ["logback", "json", "monolog", "logfmt"]
CLIENTS = [("web", "Mozilla/5.0 (X11; Linux x86_64) shop-web/3.2"), ("mobile", "shop-ios/7.4.1 CFNetwork/1410"),
           ("partner", "partner-sync/1.9 (+https://partner.example)")]


def iso(epoch):
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def own_memory_cgroup():
    for line in open("/proc/self/cgroup"):
        parts = line.strip().split(":", 2)
        if parts[1] == "memory":
            return "/sys/fs/cgroup/memory" + parts[2]
    return None


def rotate(path, folder, limit=3 << 20):
    """Splits a log at line boundaries into pieces of at most `limit` bytes, as logrotate's `size` rule leaves
    it: the newest piece keeps the name, older ones get .1, .2, … (returned newest first)."""
    os.makedirs(folder, exist_ok=True)
    if not os.path.exists(path):
        return []
    pieces, size, lines = [], 0, []
    with open(path, "rb") as handle:
        for line in handle:
            if size + len(line) > limit and lines:
                pieces.append(b"".join(lines))
                size, lines = 0, []
            lines.append(line)
            size += len(line)
    pieces.append(b"".join(lines))
    paths = []
    for index, piece in enumerate(reversed(pieces)):
        target = os.path.join(folder, f"{os.path.basename(path)}.{index}")
        with open(target, "wb") as handle:
            handle.write(piece)
        paths.append(target)
    return paths


class Service:
    """One supervised service process; a deploy swaps its arguments and restarts it, as a rollout does."""

    def __init__(self, stack, name, style, port, metrics_port, version, rate):
        self.stack, self.name, self.style = stack, name, style
        self.port, self.metrics_port, self.version, self.rate = port, metrics_port, version, rate
        self.options = {"pool-size": 8}
        self.process = None
        self.stopping = False
        self.cgroups = []
        self.log_path = os.path.join(stack.work, "logs", f"{name}.log")
        self.supervisor_log = os.path.join(stack.work, "logs", "supervisor.log")
        self.thread = threading.Thread(target=self.supervise, daemon=True)
        self.restarting = threading.Event()

    def command(self):
        command = [PYTHON, os.path.join(LAB, "service.py"), "--name", self.name, "--port", str(self.port),
                   "--metrics-port", str(self.metrics_port), "--db-port", str(self.stack.db_port),
                   "--db-user", self.name, "--db-password", f"{self.name}-pw", "--style", self.style,
                   "--version", self.version]
        for key, value in self.options.items():
            command += [f"--{key}", str(value)]
        return command

    def note(self, message):
        now = datetime.now(timezone.utc)
        with open(self.supervisor_log, "a") as handle:
            handle.write(f"{now:%Y-%m-%d %H:%M:%S},{now.microsecond // 1000:03d} supervisor[{os.getpid()}] "
                         f"{message}\n")

    def supervise(self):
        while not self.stopping:
            with open(self.log_path, "a") as log:
                self.process = subprocess.Popen(self.command(), stdout=log, stderr=log)
            for cgroup in self.cgroups:
                with open(os.path.join(cgroup, "cgroup.procs"), "w") as handle:
                    handle.write(str(self.process.pid))
            code = self.process.wait()
            if self.stopping:
                break
            if self.restarting.is_set():
                self.restarting.clear()
                continue
            cause = f"killed by signal {-code}" if code < 0 else f"exited with status {code}"
            extra = ""
            for cgroup in self.cgroups:
                if os.path.exists(os.path.join(cgroup, "memory.oom_control")):
                    kills = [l for l in open(os.path.join(cgroup, "memory.oom_control")) if l.startswith("oom_kill ")]
                    extra = f" (memory cgroup {os.path.basename(cgroup)}: {kills[0].strip() if kills else 'oom_kill ?'})"
            self.note(f"{self.name}[{self.process.pid}] {cause}{extra}; restarting in 2s")
            time.sleep(2)

    def start(self):
        self.thread.start()

    def deploy(self, version, **options):
        self.version = version
        self.options.update(options)
        self.note(f"{self.name}: rolling out v{version}")
        self.restarting.set()
        self.process.terminate()

    def stop(self):
        self.stopping = True
        if self.process and self.process.poll() is None:
            self.process.terminate()
        self.thread.join(timeout=10)


class Stack:
    def __init__(self, work, rng, scenario):
        self.work, self.rng, self.scenario = work, rng, scenario
        self.processes = {}
        base = 21000 + rng.randrange(0, 400) * 10
        self.db_port, self.exporter_port, self.node_port = base, base + 1, base + 2
        self.prometheus_port, self.nginx_port, self.dependency_port = base + 3, base + 4, base + 5
        self.socket = os.path.join(work, "mysql", "mysqld.sock")
        self.max_connections = 60
        names = rng.sample(NAMES, 4)
        styles = rng.sample(STYLES, 4)
        self.services = [Service(self, name, style, base + 10 + 2 * i, base + 11 + 2 * i,
                                 f"{rng.randint(1, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}",
                                 round(rng.uniform(2.5, 4.5), 1))
                         for i, (name, style) in enumerate(zip(names, styles))]
        self.dependency_host = f"127.0.0.{rng.randint(20, 60)}"
        self.dependency_caller = self.services[rng.randrange(4)]
        self.dependency_caller.options.update(
            {"dependency": f"http://{self.dependency_host}:{self.dependency_port}", "dependency-timeout": 2.0})
        self.dependency_slow = (0, 0)
        self.flows = []
        self.stalk = {"variable": "Threads_running", "threshold": 6}
        self.cgroups = []
        self.idle_clients = []
        scenario.configure(self)

    # --- lifecycle ------------------------------------------------------------------------------------------

    def spawn(self, key, command, log=None, env=None):
        handle = open(log or os.path.join(self.work, "lab", f"{key}.out"), "a")
        self.processes[key] = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT,
                                               env={**os.environ, "TZ": "UTC", **(env or {})})
        return self.processes[key]

    def sql(self, statement):
        result = subprocess.run(["mariadb", "--no-defaults", "-S", self.socket, "-uroot", "-e", statement],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{statement}: {result.stderr}")
        return result.stdout

    def start_database(self):
        data = os.path.join(self.work, "mysql")
        self.spawn("mariadbd", [
            "/usr/sbin/mariadbd", "--no-defaults", f"--datadir={data}/data", f"--socket={self.socket}",
            f"--port={self.db_port}", "--bind-address=127.0.0.1", f"--pid-file={data}/mysqld.pid",
            f"--log-error={data}/error.log", "--user=root", "--skip-log-bin", "--skip-name-resolve",
            "--innodb-buffer-pool-size=64M", f"--max-connections={self.max_connections}",
            "--innodb-lock-wait-timeout=8", "--slow-query-log=1", f"--slow-query-log-file={data}/slow.log",
            "--long-query-time=1", "--general-log=1", f"--general-log-file={data}/general.log",
            "--userstat=1", "--log-warnings=2"])
        for _ in range(200):
            if subprocess.run(["mariadb-admin", "--no-defaults", "-S", self.socket, "-uroot", "ping"],
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("mariadbd did not start")

    def start(self):
        for folder in ("mysql/data", "lab", "logs", "prometheus", "nginx", "capture", "pt-stalk"):
            os.makedirs(os.path.join(self.work, folder), exist_ok=True)
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={self.work}/mysql/data",
                        "--auth-root-authentication-method=normal", "--skip-test-db", "--user=root"],
                       check=True, capture_output=True)
        self.start_database()
        self.seed_database()
        self.start_exporters()
        self.start_prometheus()
        self.spawn("dependency", [PYTHON, os.path.join(LAB, "dependency.py"), "--host", self.dependency_host,
                                  "--port", str(self.dependency_port)])
        for service in self.services:
            service.start()
        self.start_nginx()
        self.spawn("capture", [os.path.join(LAB, "capture.sh"), self.socket, os.path.join(self.work, "capture"),
                               "10"])
        self.start_stalk()
        time.sleep(3)

    def seed_database(self):
        statements = ["CREATE DATABASE shop",
                      "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(64), category INT, "
                      "price DECIMAL(10,2), stock INT, updated_at DATETIME(6), KEY (category))",
                      "CREATE TABLE shop.events (id BIGINT AUTO_INCREMENT PRIMARY KEY, service VARCHAR(32), "
                      "item_id INT, created_at DATETIME(6))",
                      "CREATE TABLE shop.sales_history (id INT PRIMARY KEY, customer_id INT, region VARCHAR(8), "
                      "amount DECIMAL(10,2), sold_at DATETIME, note VARCHAR(64))",
                      "INSERT INTO shop.items SELECT seq, CONCAT('item-', seq), seq % 7, 10 + seq % 90, 100000, "
                      "NOW(6) FROM shop.seq_1_to_400",
                      "INSERT INTO shop.sales_history SELECT seq, seq % 2500, ELT(1 + seq % 5, 'eu', 'us', 'apac', "
                      "'latam', 'mea'), (seq * 37) % 500, NOW() - INTERVAL seq MINUTE, MD5(seq) FROM shop.seq_1_to_24000",
                      "CREATE USER 'exporter'@'%' IDENTIFIED BY 'exporter-pw' WITH MAX_USER_CONNECTIONS 3",
                      "GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%'"]
        for service in self.services:
            statements += [f"CREATE USER '{service.name}'@'%' IDENTIFIED BY '{service.name}-pw'",
                           f"GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO '{service.name}'@'%'"]
        for user in self.scenario.extra_users(self):
            statements += [f"CREATE USER '{user}'@'%' IDENTIFIED BY '{user}-pw'",
                           f"GRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO '{user}'@'%'"]
        for statement in statements:
            self.sql(statement)

    def start_exporters(self):
        self.spawn("mysqld_exporter", [
            "prometheus-mysqld-exporter", f"--web.listen-address=127.0.0.1:{self.exporter_port}",
            "--collect.info_schema.processlist", "--collect.info_schema.processlist.processes_by_user",
            "--collect.info_schema.processlist.processes_by_host", "--collect.info_schema.userstats",
            "--collect.info_schema.innodb_metrics", "--collect.engine_innodb_status", "--collect.global_status",
            "--collect.global_variables", "--no-collect.slave_status"],
            env={"DATA_SOURCE_NAME": f"exporter:exporter-pw@(127.0.0.1:{self.db_port})/"})
        self.spawn("node_exporter", [
            "prometheus-node-exporter", f"--web.listen-address=127.0.0.1:{self.node_port}",
            "--collector.disable-defaults", "--collector.cpu", "--collector.meminfo", "--collector.loadavg",
            "--collector.pressure", "--collector.stat"])

    def start_prometheus(self):
        jobs = [("mysqld", self.exporter_port), ("node", self.node_port)]
        jobs += [(service.name, service.metrics_port) for service in self.services]
        config = "global:\n  scrape_interval: 5s\n  scrape_timeout: 4s\nscrape_configs:\n"
        for job, port in jobs:
            config += f"  - job_name: {job}\n    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"
        path = os.path.join(self.work, "prometheus", "prometheus.yml")
        with open(path, "w") as handle:
            handle.write(config)
        self.spawn("prometheus", [
            "prometheus", f"--config.file={path}", f"--storage.tsdb.path={self.work}/prometheus/data",
            f"--web.listen-address=127.0.0.1:{self.prometheus_port}", "--storage.tsdb.retention.time=1d"])

    def start_nginx(self):
        folder = os.path.join(self.work, "nginx")
        upstreams = "".join(f"  upstream {s.name} {{ server 127.0.0.1:{s.port}; keepalive 16; }}\n"
                            for s in self.services)
        locations = "".join(
            f"    location /{s.name}/ {{ proxy_pass http://{s.name}/; proxy_http_version 1.1; "
            f"proxy_set_header Connection \"\"; proxy_read_timeout 20s; }}\n" for s in self.services)
        config = f"""worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  log_format upstream '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                      '"$http_referer" "$http_user_agent" rt=$request_time uct="$upstream_connect_time" '
                      'urt="$upstream_response_time" upstream="$upstream_addr"';
  access_log {folder}/access.log upstream;
  client_body_temp_path {folder}/tmp-body; proxy_temp_path {folder}/tmp-proxy;
  fastcgi_temp_path {folder}/tmp-fcgi; uwsgi_temp_path {folder}/tmp-uwsgi; scgi_temp_path {folder}/tmp-scgi;
{upstreams}  server {{
    listen 127.0.0.1:{self.nginx_port};
{locations}  }}
}}
"""
        path = os.path.join(folder, "nginx.conf")
        with open(path, "w") as handle:
            handle.write(config)
        self.spawn("nginx", ["nginx", "-c", path, "-p", folder, "-g", "daemon off;"])

    def start_stalk(self):
        self.spawn("pt-stalk", [
            "pt-stalk", f"--socket={self.socket}", "--user=root",
            f"--variable={self.stalk['variable']}", f"--threshold={self.stalk['threshold']}", "--cycles=3",
            "--interval=1", "--run-time=10", "--sleep=60", "--iterations=1", f"--dest={self.work}/pt-stalk",
            f"--log={self.work}/lab/pt-stalk.log", f"--pid={self.work}/lab/pt-stalk.pid",
            "--disk-pct-free=0", "--disk-bytes-free=0"])

    def open_idle_client(self, user):
        """An interactive client left open: one Sleep connection that is not a leak."""
        process = subprocess.Popen(["mariadb", "--no-defaults", "-h127.0.0.1", f"-P{self.db_port}", f"-u{user}",
                                    f"-p{user}-pw", "shop"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.idle_clients.append(process)

    def cgroup(self, controller, name):
        root = own_memory_cgroup() if controller == "memory" else "/sys/fs/cgroup/cpu"
        path = os.path.join(root, f"pmlab-{name}")
        os.makedirs(path, exist_ok=True)
        self.cgroups.append(path)
        return path

    # --- the run --------------------------------------------------------------------------------------------

    def run(self, baseline, fault):
        start = time.time()
        onset = start + baseline
        end = onset + fault
        flows = []
        for service in self.services:
            for client, agent in CLIENTS[:2]:
                flows.append({"source": f"127.0.0.{11 + CLIENTS.index((client, agent))}", "agent": agent,
                              "path": f"/{service.name}/api/{service.name}", "rate": service.rate / 2,
                              "from": start, "to": end})
        flows += self.scenario.flows(self, start, onset, end)
        plan = {"seed": self.rng.randrange(1 << 30), "port": self.nginx_port, "flows": flows}
        with open(os.path.join(self.work, "lab", "plan.json"), "w") as handle:
            json.dump(plan, handle, indent=1)
        self.spawn("loadgen", [PYTHON, os.path.join(LAB, "loadgen.py"), os.path.join(self.work, "lab", "plan.json")])
        self.start_epoch = start
        for at, action in sorted(self.scenario.baseline_actions(self, start, onset), key=lambda a: a[0]):
            time.sleep(max(0, at - time.time()))
            action()
        time.sleep(max(0, onset - time.time()))
        actual_onset = time.time()
        truth = self.scenario.inject(self, end)
        truth["onset"] = iso(actual_onset)
        for at, action in sorted(self.scenario.fault_actions(self, actual_onset, end), key=lambda a: a[0]):
            time.sleep(max(0, at - time.time()))
            action()
        time.sleep(max(0, end - time.time()))
        self.end_epoch = time.time()
        truth["window"] = {"from": iso(start), "to": iso(self.end_epoch + 10)}
        return truth

    def stop(self):
        time.sleep(6)  # one more scrape and capture round after the last request
        for key in ("loadgen", "capture", "pt-stalk"):
            process = self.processes.get(key)
            if process and process.poll() is None:
                process.terminate()
        self.export_queries()
        self.terminate("prometheus")
        for service in self.services:
            service.stop()
        for process in self.idle_clients:
            process.terminate()
        for key in ("nginx", "dependency", "mysqld_exporter", "node_exporter"):
            self.terminate(key)
        subprocess.run(["mariadb-admin", "--no-defaults", "-S", self.socket, "-uroot", "shutdown"],
                       capture_output=True)
        self.terminate("mariadbd", timeout=30)
        self.dump_tsdb()

    def terminate(self, key, timeout=15):
        process = self.processes.get(key)
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def teardown(self):
        for service in self.services:
            if service.process and service.process.poll() is None:
                service.stopping = True
                service.process.kill()
        for process in list(self.processes.values()) + self.idle_clients:
            if process.poll() is None:
                process.kill()
        for path in self.cgroups:
            for _ in range(20):
                try:
                    os.rmdir(path)
                    break
                except OSError:
                    time.sleep(0.5)

    # --- collection -----------------------------------------------------------------------------------------

    QUERIES = {
        "threads-connected": "mysql_global_status_threads_connected",
        "threads-running": "mysql_global_status_threads_running",
        "processes-by-user": "mysql_info_schema_processlist_processes_by_user",
        "max-connections": "mysql_global_variables_max_connections",
        "questions-rate": "rate(mysql_global_status_questions[30s])",
        "row-lock-waits": "mysql_global_status_innodb_row_lock_current_waits",
        "mysql-up": "mysql_up",
        "request-rate": "sum by (job, status) (rate(http_requests_total[30s]))",
        "latency-p90": "histogram_quantile(0.9, sum by (job, le) (rate(http_request_duration_seconds_bucket[30s])))",
        "resident-memory": "process_resident_memory_bytes",
        "cpu-seconds-rate": "rate(process_cpu_seconds_total[30s])",
        "node-cpu": "sum by (mode) (rate(node_cpu_seconds_total[30s]))",
    }

    def export_queries(self):
        folder = os.path.join(self.work, "export")
        os.makedirs(folder, exist_ok=True)
        for name, query in self.QUERIES.items():
            parameters = urllib.parse.urlencode({"query": query, "start": f"{self.start_epoch:.0f}",
                                                 "end": f"{self.end_epoch + 5:.0f}", "step": "5"})
            url = f"http://127.0.0.1:{self.prometheus_port}/api/v1/query_range?{parameters}"
            with urllib.request.urlopen(url, timeout=30) as response, \
                    open(os.path.join(folder, f"query_range-{name}.json"), "wb") as handle:
                handle.write(response.read())

    def dump_tsdb(self):
        match = ('{__name__=~"mysql_global_status_(threads_connected|threads_running|questions|connections|'
                 'aborted_connects|aborted_clients|max_used_connections|innodb_row_lock_current_waits|slow_queries)'
                 '|mysql_info_schema_processlist_processes_by_user|mysql_global_variables_max_connections|mysql_up'
                 '|http_requests_total|http_request_duration_seconds_(bucket|count|sum)|db_pool_connections'
                 '|db_errors_total|app_info|upstream_request_duration_seconds_(bucket|count|sum)'
                 '|process_(cpu_seconds_total|resident_memory_bytes|open_fds)|node_cpu_seconds_total'
                 '|node_load1|node_memory_MemAvailable_bytes|up"}')
        with open(os.path.join(self.work, "export", "promtool-tsdb-dump.txt"), "w") as handle:
            subprocess.run(["promtool", "tsdb", "dump", f"--match={match}", f"{self.work}/prometheus/data"],
                           stdout=handle, stderr=subprocess.DEVNULL, check=True)

    def collect(self, out):
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        work = self.work
        codecs = ["gz", "lz4", "zst"]

        def put(source, target, codec=None):
            target = os.path.join(out, target)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not os.path.exists(source) or os.path.getsize(source) == 0:
                return
            if codec is None:
                shutil.copyfile(source, target)
            elif codec == "gz":
                subprocess.run(["gzip", "-9", "-c", source], stdout=open(target + ".gz", "wb"), check=True)
            elif codec == "lz4":
                subprocess.run(["lz4", "-q", "-9", "-c", source], stdout=open(target + ".lz4", "wb"), check=True)
            else:
                subprocess.run(["zstd", "-q", "-19", "-c", source], stdout=open(target + ".zst", "wb"), check=True)

        for index, service in enumerate(self.services):
            put(service.log_path, f"logs/{service.name}/{service.name}.log", codecs[index % 3])
        put(os.path.join(work, "logs", "supervisor.log"), "logs/supervisor.log")
        put(f"{work}/nginx/access.log", "nginx/access.log", "gz")
        put(f"{work}/nginx/error.log", "nginx/error.log")
        put(f"{work}/mysql/error.log", "mysql/error.log")
        put(f"{work}/mysql/slow.log", "mysql/slow.log", "zst")
        for index, piece in enumerate(rotate(f"{work}/mysql/general.log", f"{work}/rotated")):
            put(piece, "mysql/general.log" + (f".{index}" if index else ""), "zst")
        for path in sorted(glob.glob(f"{work}/capture/processlist/*")):
            put(path, f"mysql/processlist/{os.path.basename(path)}")
        for path in sorted(glob.glob(f"{work}/capture/innodb/*")):
            put(path, f"mysql/innodb/{os.path.basename(path)}")
        put(f"{work}/capture/processlist-vertical.txt", "mysql/processlist-vertical.txt", "gz")
        put(f"{work}/capture/processlist-batch.tsv", "mysql/processlist-batch.tsv", "lz4")
        put(f"{work}/capture/mysqladmin-status.txt", "mysql/mysqladmin-status.txt", "zst")
        for path in sorted(glob.glob(f"{work}/capture/variables-*")):
            put(path, f"mysql/{os.path.basename(path)}", "gz")
        if os.listdir(f"{work}/pt-stalk"):
            # As an SRE ships a pt-stalk collection: the whole destination folder in one archive.
            os.makedirs(f"{out}/mysql", exist_ok=True)
            subprocess.run(["tar", "-czf", f"{out}/mysql/pt-stalk.tar.gz", "-C", work, "pt-stalk"], check=True)
        for path in sorted(glob.glob(f"{work}/export/query_range-*.json")):
            put(path, f"metrics/{os.path.basename(path)}")
        put(f"{work}/export/promtool-tsdb-dump.txt", "metrics/promtool-tsdb-dump.txt", "zst")
