"""gunicorn settings for the web process (read from the project root by default).

Threads let a worker keep serving cached pages and static files while another
request waits on the database; workers restart after a crash and are
recycled now and then to cap memory. Override any of these on the command line.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", 4))
backlog = 2048
timeout = 30  # a request stuck longer than this has its worker restarted
graceful_timeout = 10
# The application is loaded once in the master and forked: a new or restarted
# worker serves at once (no per-worker start-up). Code changes need a restart,
# not a HUP.
preload_app = True
max_requests = 100_000  # recycle workers now and then, to cap memory
max_requests_jitter = 10_000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
