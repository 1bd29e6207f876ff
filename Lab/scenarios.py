"""One fault per scenario, plus the decoys that fit it. Each scenario picks its victims and timings from the
run's random generator, so two seeds give different recordings; `inject` returns the ground truth (DESIGN's
rca.json conventions: component = where the fault originates, client = the DB user or caller driving it)."""
import os
import subprocess
import time

PYTHON = "/usr/bin/python3"
LAB = os.path.dirname(os.path.abspath(__file__))
JOB_USERS = {"report": ["reporting", "bi_export", "analytics", "finance_report"],
             "hold-locks": ["price_sync", "nightly_batch", "stock_import", "backfill"]}


def bump(version, rng):
    major, minor, patch = (int(part) for part in version.split("."))
    return f"{major}.{minor + 1}.{rng.randint(0, 3)}"


class Scenario:
    def __init__(self, rng):
        self.rng = rng

    def configure(self, stack):
        pass

    def extra_users(self, stack):
        return []

    def flows(self, stack, start, onset, end):
        return []

    def baseline_actions(self, stack, start, onset):
        return []

    def fault_actions(self, stack, onset, end):
        return []

    def harmless_deploy(self, stack, service, start, onset):
        """A decoy: another service rolls out a release that changes nothing that matters."""
        at = start + (onset - start) * self.rng.uniform(0.45, 0.7)
        return [(at, lambda: service.deploy(bump(service.version, self.rng)))]

    def truth(self, component, kind, client, resource, detail):
        return {"component": component, "kind": kind, "client": client, "resource": resource, "detail": detail}


class ConnectionLeak(Scenario):
    """A release of one service stops returning some connections to its pool; the server fills up."""

    def configure(self, stack):
        self.leaker = stack.services[self.rng.randrange(4)]
        self.decoy = self.rng.choice([s for s in stack.services if s is not self.leaker])
        stack.stalk = {"variable": "Threads_connected", "threshold": stack.max_connections - 12}
        for service in stack.services:
            service.options["max-lifetime"] = 45
        stack.dba = "dba_" + self.rng.choice(["alice", "omar", "mei", "lars"])

    def extra_users(self, stack):
        return [stack.dba]

    def baseline_actions(self, stack, start, onset):
        return [(start + 5, lambda: stack.open_idle_client(stack.dba))] + self.harmless_deploy(
            stack, self.decoy, start, onset)

    def inject(self, stack, end):
        version = bump(self.leaker.version, self.rng)
        ratio = round(0.9 / self.leaker.rate * self.rng.uniform(0.55, 0.75), 3)
        self.leaker.deploy(version, fault="leak", **{"leak-ratio": ratio, "pool-size": 200})
        return self.truth(self.leaker.name, "connection-exhaustion", self.leaker.name, "mysql",
                          f"{self.leaker.name} v{version} keeps {ratio:.1%} of its pooled connections checked out "
                          f"(never returned, idle in Sleep) until max_connections={stack.max_connections} is "
                          f"reached; decoys: {self.decoy.name} deployed harmlessly during the baseline, "
                          f"{stack.dba} keeps one idle interactive session open all along")


class LockContention(Scenario):
    """A batch job updates the hot rows in a transaction it does not commit; the services wait on its locks."""

    def configure(self, stack):
        self.user = self.rng.choice(JOB_USERS["hold-locks"])
        self.rows = self.rng.randint(18, 30)
        stack.stalk = {"variable": "Threads_running", "threshold": 8}

    def extra_users(self, stack):
        return [self.user]

    def inject(self, stack, end):
        hold = (end - time.time()) * self.rng.uniform(0.65, 0.8)
        stack.spawn("job", [PYTHON, os.path.join(LAB, "jobs.py"), "hold-locks", "--db-port", str(stack.db_port),
                            "--user", self.user, "--password", f"{self.user}-pw", "--until",
                            f"{time.time() + hold:.0f}", "--rows", str(self.rows)])
        return self.truth(self.user, "lock-contention", self.user, "mysql",
                          f"the {self.user} job updates items 1..{self.rows} (of the 50 hot rows every service "
                          f"updates) and leaves its transaction open for {hold:.0f} s, idle in Sleep; the services' "
                          f"SELECT … FOR UPDATE on those rows waits innodb_lock_wait_timeout=8 s and fails with 1205")


class DatabaseSaturation(Scenario):
    """A reporting job, a database client that is no service, runs heavy joins in parallel."""

    def configure(self, stack):
        self.user = self.rng.choice(JOB_USERS["report"])
        self.threads = self.rng.randint(5, 6)

    def extra_users(self, stack):
        return [self.user]

    def inject(self, stack, end):
        stack.spawn("job", [PYTHON, os.path.join(LAB, "jobs.py"), "report", "--db-port", str(stack.db_port),
                            "--user", self.user, "--password", f"{self.user}-pw", "--until", f"{end:.0f}",
                            "--threads", str(self.threads)])
        return self.truth(self.user, "database-saturation", self.user, "mysql",
                          f"the {self.user} reporting job runs {self.threads} heavy self-joins over sales_history "
                          f"at once; the server's CPU is taken and every service's queries slow down")


class DatabaseRestart(Scenario):
    """The database is shut down and comes back after a while; every service loses its connections."""

    def configure(self, stack):
        self.down = self.rng.uniform(20, 35)

    def inject(self, stack, end):
        subprocess.run(["mariadb-admin", "--no-defaults", "-S", stack.socket, "-uroot", "shutdown"],
                       capture_output=True)
        stack.processes["mariadbd"].wait(60)
        return self.truth("mysql", "database-unavailable", None, None,
                          f"mariadbd shut down (mariadb-admin shutdown) and started again {self.down:.0f} s later; "
                          f"nothing upstream drove it")

    def fault_actions(self, stack, onset, end):
        return [(onset + self.down, stack.start_database)]


class SlowDependency(Scenario):
    """The outbound quote API one service calls starts answering in seconds; its caller times out."""

    def configure(self, stack):
        stack.dba = "dba_" + self.rng.choice(["alice", "omar", "mei", "lars"])

    def extra_users(self, stack):
        return [stack.dba]

    def baseline_actions(self, stack, start, onset):
        return [(start + 5, lambda: stack.open_idle_client(stack.dba))]

    def inject(self, stack, end):
        delay = round(self.rng.uniform(2.2, 3.5), 1)
        stack.terminate("dependency")
        stack.spawn("dependency", [PYTHON, os.path.join(LAB, "dependency.py"), "--host", stack.dependency_host,
                                   "--port", str(stack.dependency_port), "--slow-from", "1",
                                   "--slow-delay", str(delay)])
        caller = stack.dependency_caller
        host = f"{stack.dependency_host}:{stack.dependency_port}"
        return self.truth(caller.name, "dependency-failure", None, host,
                          f"the quote API at {host} that {caller.name} calls answers after ~{delay} s instead of "
                          f"~20 ms; {caller.name}'s 2 s client timeout fails its requests with 502; decoy: "
                          f"{stack.dba} keeps one idle session open")


class DeployRegression(Scenario):
    """A release of one service lists items with one query per row (N+1)."""

    def configure(self, stack):
        self.target = stack.services[self.rng.randrange(4)]
        self.decoy = self.rng.choice([s for s in stack.services if s is not self.target])
        stack.stalk = {"variable": "Threads_running", "threshold": 5}

    def baseline_actions(self, stack, start, onset):
        return self.harmless_deploy(stack, self.decoy, start, onset)

    def inject(self, stack, end):
        version = bump(self.target.version, self.rng)
        listing = self.rng.randint(150, 250)
        self.target.deploy(version, fault="n1", listing=listing)
        return self.truth(self.target.name, "deploy-regression", self.target.name, None,
                          f"{self.target.name} v{version} adds a listing that runs one SELECT per item (N+1, "
                          f"{listing} per request, inside the transaction that holds a hot row's lock); its "
                          f"latency and the server's query rate rise; decoy: "
                          f"{self.decoy.name} deployed harmlessly during the baseline")


class TrafficSurge(Scenario):
    """One client (the partner integration, its own source address) multiplies its calls to one service."""

    def configure(self, stack):
        # The service that also waits on the quote API: its requests take longest, so its workers fill first.
        self.target = stack.dependency_caller
        self.workers = 3
        self.target.options["workers"] = self.workers
        self.rate = self.rng.uniform(90, 110)

    def flows(self, stack, start, onset, end):
        return [{"source": "127.0.0.13", "agent": "partner-sync/1.9 (+https://partner.example)",
                 "path": f"/{self.target.name}/api/{self.target.name}", "rate": self.rate, "from": onset,
                 "to": end}]

    def inject(self, stack, end):
        return self.truth(self.target.name, "traffic-surge", "127.0.0.13", None,
                          f"the partner client (127.0.0.13, partner-sync/1.9) sends {self.rate:.0f} req/s to "
                          f"{self.target.name} on top of its ~{self.target.rate} req/s; {self.target.name}'s "
                          f"{self.workers} workers, each request also waiting on the quote API, cannot keep up and "
                          f"requests queue")


class CPUStarvation(Scenario):
    """One service's CPU cgroup quota is cut to a few percent of a core; it cannot keep up."""

    def configure(self, stack):
        self.target = stack.services[self.rng.randrange(4)]
        self.quota = self.rng.choice([2500, 3000, 3500])  # microseconds per 1 s period: below what it needs
        self.cgroup = stack.cgroup("cpu", self.target.name)
        self.target.cgroups.append(self.cgroup)
        self.surged = self.rng.choice([s for s in stack.services if s is not self.target])

    def flows(self, stack, start, onset, end):
        at = start + (onset - start) * 0.4
        return [{"source": "127.0.0.13", "agent": "partner-sync/1.9 (+https://partner.example)",
                 "path": f"/{self.surged.name}/api/{self.surged.name}", "rate": self.surged.rate * 1.5,
                 "from": at, "to": at + 30}]

    def inject(self, stack, end):
        with open(os.path.join(self.cgroup, "cpu.cfs_period_us"), "w") as handle:
            handle.write("1000000")
        with open(os.path.join(self.cgroup, "cpu.cfs_quota_us"), "w") as handle:
            handle.write(str(self.quota))
        return self.truth(self.target.name, "resource-saturation", None, None,
                          f"{self.target.name}'s CPU cgroup quota cut to {self.quota / 1000:g} ms per second "
                          f"(cpu.cfs_period_us=1000000, cpu.cfs_quota_us={self.quota}), less than its requests "
                          f"need; they queue behind the throttled process; decoy: a "
                          f"30 s partner surge on {self.surged.name} during the baseline that it absorbs")


class OOMRestart(Scenario):
    """A release of one service keeps every request's buffer; its memory cgroup limit kills it, it restarts."""

    def configure(self, stack):
        self.target = stack.services[self.rng.randrange(4)]
        self.limit = self.rng.choice([120, 140, 160]) * 1024 * 1024
        self.cgroup = stack.cgroup("memory", self.target.name)
        with open(os.path.join(self.cgroup, "memory.limit_in_bytes"), "w") as handle:
            handle.write(str(self.limit))
        self.target.cgroups.append(self.cgroup)

    def inject(self, stack, end):
        version = bump(self.target.version, self.rng)
        per_request = int(self.limit / 1024 / (self.target.rate * self.rng.uniform(60, 80)))
        self.target.deploy(version, fault="memory", **{"memory-kb": per_request})
        return self.truth(self.target.name, "resource-saturation", None, None,
                          f"{self.target.name} v{version} keeps ~{per_request} KiB per request; its memory cgroup "
                          f"limit ({self.limit >> 20} MiB) OOM-kills it and the supervisor restarts it")


SCENARIOS = {"connection-leak": ConnectionLeak, "lock-contention": LockContention,
             "database-saturation": DatabaseSaturation, "database-restart": DatabaseRestart,
             "slow-dependency": SlowDependency, "deploy-regression": DeployRegression,
             "traffic-surge": TrafficSurge, "cpu-starvation": CPUStarvation, "oom-restart": OOMRestart}
