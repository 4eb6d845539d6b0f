"""Load and fault test: gunicorn on PostgreSQL and Redis, with wrk on loopback.

Creates a temporary PostgreSQL database with the demo content and the
synthetic bulk data (``seed_bulk``: 10,000 meetings, 2,000 delegations, 5,000
aid projects), starts gunicorn with the production settings (DEBUG off,
Redis as the cache, WhiteNoise for static files), and runs wrk with 64
connections for 60 seconds against each page, side by side with a static
file of the home page's size served by the same server (the baseline). It
then repeats a mixed load to measure faults a third of the way in: a gunicorn
worker killed (SIGKILL), PostgreSQL restarted, Redis stopped for 3 s and
started empty; it reports the errors and the time until every page answers
again, and checks that rows committed before the restart are all still there.

    .venv/bin/python benchmarks/load_test.py [--duration 60] [--connections 64] [--workers 4]
        [--faults-only | --skip-faults]

Needs wrk (Debian package ``wrk``), a PostgreSQL server it may create a
database on (``--postgres``), Redis (``--redis``) and, for the restart, a
command that restarts PostgreSQL (``--restart-postgres``) and one that restarts
Redis (``--restart-redis``); either is skipped if given as ''.
Run from the project root on a quiet machine; the load generator shares it.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

PAGES = {
    "home page": "/en/",
    "meeting list, filtered": "/en/meetings/?country=JP&kind=bilateral",
    "meeting page": "/en/meetings/2026/synthetic-meeting-5/",
    "search": "/en/search/?q=synthetic+meeting",
}
#: A page that misses the page cache (as any new query string does, tracking parameters
#: such as utm_source aside) and reads the database.
UNCACHED_PAGE = "/en/meetings/2026/synthetic-meeting-5/?v={n}"
STATIC_NAME = "benchmark/home-sized.html"

# wrk script: rotate over the paths given (``{n}`` becomes a random number, for
# pages that miss the cache), and print the summary as one JSON line.
WRK_SCRIPT = r"""
wrk.headers["X-Forwarded-Proto"] = "https"
local paths = {}
local counter = 0
function init(args)
  for i, path in ipairs(args) do paths[i] = path end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  path = path:gsub("{n}", tostring(math.random(1, 100000000)))
  return wrk.format(nil, path)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, ' ..
    '"max": %.3f, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"bytes": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout, summary.bytes))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


class Server:
    """gunicorn with the production settings and gunicorn.conf.py."""

    def __init__(self, env: dict, workers: int, port: int, log: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.workers = workers
        self.log = log
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
            ],  # the rest from gunicorn.conf.py, as in production
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log.open("w"),
        )
        self.wait_until_serving()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def wait_until_serving(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if get(self.base + "/health/", timeout=2)[0] == 200:
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log.read_text()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start serving")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run_wrk(base: str, paths: list[str], options) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{options.connections}",
                f"-d{options.duration}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                base,
                "--",
                *paths,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK "))
    data = json.loads(line[4:])
    data["rps"] = data["requests"] / data["seconds"]
    data["errors"] = sum(data[key] for key in ("connect", "read", "write", "status", "timeout"))
    return data


class Probe(threading.Thread):
    """Requests a URL every 50 ms and records when it failed."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.results: list[tuple[float, bool]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            url = self.url.replace("{n}", secrets.token_hex(6))
            status, _body = get(url, timeout=10)
            self.results.append((time.monotonic(), status == 200))
            time.sleep(0.05)

    def outage_after(self, moment: float) -> tuple[int, float]:
        """(failures after the moment, seconds from it until success followed the last failure)."""
        after = [(at, ok) for at, ok in self.results if at >= moment]
        failures = [at for at, ok in after if not ok]
        if not failures:
            return 0, 0.0
        recovered = next((at for at, ok in after if ok and at > failures[-1]), None)
        return len(failures), (recovered or after[-1][0]) - moment


def row_counts(database_url: str) -> dict[str, int]:
    import psycopg

    tables = ["meetings_meeting", "delegations_delegation", "aid_aidproject", "commission_topic"]
    with psycopg.connect(database_url) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
        }


def fault_run(server: Server, options, paths: list[str], fault, probe_url: str) -> dict:
    """Mixed load; the fault a third of the way in; errors and recovery measured."""
    probe = Probe(server.base + probe_url)
    probe.start()
    outcome: dict = {}

    def inject() -> None:
        time.sleep(options.duration / 3)
        outcome.update(fault())  # says when the fault itself began ("at")

    injector = threading.Thread(target=inject)
    injector.start()
    load = run_wrk(server.base, paths, options)
    injector.join()
    time.sleep(1)
    probe.stopped.set()
    probe.join()
    failed, recovery = probe.outage_after(outcome["at"])
    return {**load, **outcome, "probe_failures": failed, "recovery": recovery}


def kill_a_worker(server: Server):
    def fault() -> dict:
        victim = server.worker_pids()[0]
        start = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        while True:
            pids = server.worker_pids()
            if len(pids) == server.workers and victim not in pids:
                break
            time.sleep(0.01)
        return {"at": start, "replaced_in": time.monotonic() - start}

    return fault


def restart_postgres(command: str, database_url: str, env: dict):
    def fault() -> dict:
        # A row committed just before the restart must survive it.
        marker = f"load-test-{uuid.uuid4().hex[:8]}"
        code = (
            "from commission.models import Topic; "
            f"Topic.objects.create(slug='{marker}', name_en='Load test marker')"
        )
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        before = row_counts(database_url)
        start = time.monotonic()
        subprocess.run(command, shell=True, check=True, capture_output=True)
        took = time.monotonic() - start
        # Wait for the server to accept connections before counting again.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                after = row_counts(database_url)
                break
            except Exception:  # noqa: BLE001 - still starting
                time.sleep(0.2)
        return {"at": start, "restart_took": took, "rows_kept": after == before, "rows": after}

    return fault


def run_command(command: str):
    def fault() -> dict:
        start = time.monotonic()
        subprocess.run(command, shell=True, capture_output=True)
        return {"at": start}

    return fault


def table(rows: list[tuple]) -> str:
    lines = [
        "| target | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, data in rows:
        lines.append(
            f"| {name} | {data['rps']:,.0f} | {data['p50']:.1f} | {data['p95']:.1f} | "
            f"{data['p99']:.1f} | {data['max']:.0f} | {data['errors']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="Seconds per wrk run.")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes.")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument(
        "--restart-postgres",
        default="pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart",
        help="Shell command that restarts PostgreSQL ('' to skip that fault).",
    )
    parser.add_argument(
        "--restart-redis",
        default=(
            "redis-cli -h 127.0.0.1 shutdown nosave; sleep 3; redis-server --daemonize yes "
            "--bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no --dir /var/lib/redis "
            "--logfile /var/log/redis/ci.log"
        ),
        help="Shell command that stops Redis for a while and starts it empty ('' to skip).",
    )
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--faults-only", action="store_true", help="Skip the table.")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")

    import psycopg
    import redis

    database = f"commission_load_{uuid.uuid4().hex[:8]}"
    database_url = options.postgres.rsplit("/", 1)[0] + f"/{database}"
    with psycopg.connect(options.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    redis.Redis.from_url(options.redis).flushdb()
    folder = Path(tempfile.mkdtemp(prefix="commission-load-"))
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "CACHE_URL": options.redis,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    server = None
    try:
        print(f"Seeding {database} (demo content and bulk data)…", flush=True)
        manage(env, "migrate", "--noinput")
        manage({**env, "DEBUG": "true"}, "load_demo")
        manage(env, "seed_bulk", "--force")
        manage(env, "collectstatic", "--noinput")
        port = free_port()
        log = folder / "gunicorn.log"
        # The baseline: a static file as large as the home page, from WhiteNoise
        # (which lists the static files when the application loads).
        server = Server(env, options.workers, port, log)
        status, home = get(server.base + PAGES["home page"])
        assert status == 200, status
        server.stop()
        static_file = folder / "static" / STATIC_NAME
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(b"x" * len(home))
        server = Server(env, options.workers, port, log)
        assert get(server.base + f"/static/{STATIC_NAME}")[0] == 200
        for path in PAGES.values():  # every page rendered once, then cached
            assert get(server.base + path)[0] == 200, path

        print(
            f"gunicorn (gunicorn.conf.py): {options.workers} workers × 4 threads; "
            f"wrk: {options.connections} connections, {options.duration} s per row; "
            f"home page {len(home):,} bytes.\n",
            flush=True,
        )
        if not options.faults_only:
            rows = [
                (
                    "static file, same size (baseline)",
                    run_wrk(server.base, [f"/static/{STATIC_NAME}"], options),
                )
            ]
            for name, path in PAGES.items():
                rows.append((f"{name} (cached)", run_wrk(server.base, [path], options)))
            # Pages that miss the cache: a new query string, and new search words.
            rows.append(
                (
                    "meeting page, new query string each time (not cached)",
                    run_wrk(server.base, [UNCACHED_PAGE], options),
                )
            )
            rows.append(
                (
                    "search, new words each time (not cached)",
                    run_wrk(server.base, ["/en/search/?q=meeting+{n}"], options),
                )
            )
            print(table(rows), flush=True)
            baseline = rows[0][1]["rps"]
            for name, data in rows[1:]:
                print(f"  {name}: {data['rps'] / baseline:.2f} × the static file's requests/s")

        if options.skip_faults:
            return
        mixed = [*PAGES.values(), UNCACHED_PAGE]
        print("\nFaults (the four pages and an uncached page in turn):", flush=True)
        killed = fault_run(server, options, mixed, kill_a_worker(server), UNCACHED_PAGE)
        print(
            f"- worker killed (SIGKILL) at {options.duration // 3} s: {killed['errors']} errors "
            f"of {killed['requests']:,} requests (read {killed['read']}, status "
            f"{killed['status']}, timeout {killed['timeout']}); replaced in "
            f"{killed['replaced_in']:.2f} s; probe failures {killed['probe_failures']}; "
            f"p99 {killed['p99']:.1f} ms",
            flush=True,
        )
        if options.restart_postgres:
            restarted = fault_run(
                server,
                options,
                mixed,
                restart_postgres(options.restart_postgres, database_url, env),
                UNCACHED_PAGE,
            )
            print(
                f"- PostgreSQL restarted at {options.duration // 3} s (restart took "
                f"{restarted['restart_took']:.1f} s): {restarted['errors']} errors of "
                f"{restarted['requests']:,} requests (503 pages {restarted['status']}, read "
                f"{restarted['read']}, timeout {restarted['timeout']}); uncached pages answered "
                f"again {restarted['recovery']:.1f} s after the restart began "
                f"({restarted['probe_failures']} probe failures); rows committed before the "
                f"restart all kept: {restarted['rows_kept']} {restarted['rows']}",
                flush=True,
            )
        if options.restart_redis:
            redis_down = fault_run(
                server, options, mixed, run_command(options.restart_redis), UNCACHED_PAGE
            )
            print(
                f"- Redis stopped for 3 s and started empty at {options.duration // 3} s: "
                f"{redis_down['errors']} errors of {redis_down['requests']:,} requests; "
                f"{redis_down['probe_failures']} probe failures; p99 {redis_down['p99']:.1f} ms",
                flush=True,
            )
    finally:
        if server:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        for _ in range(30):
            try:
                with psycopg.connect(options.postgres, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                break
            except psycopg.OperationalError:
                time.sleep(1)


if __name__ == "__main__":
    main()
