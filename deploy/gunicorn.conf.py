"""gunicorn settings for the portal: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Every setting can be overridden on the command line (`--workers 4`) or with GUNICORN_CMD_ARGS.
With PROMETHEUS_MULTIPROC_DIR set, the master empties that directory before the workers start
(counts of an earlier run would otherwise be added to this one's) and tells prometheus_client
when a worker ends.
"""

import glob
import multiprocessing
import os

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
# Sync workers: one request at a time each, a database connection each. Two per core, at least
# two so that one slow request (a PDF report, an upload) does not hold up the next.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, 2 * multiprocessing.cpu_count())))
worker_class = "sync"
# Longer than the slowest page (the SLA report's PDF); a worker stuck beyond it is restarted.
timeout = 60
graceful_timeout = 30  # SIGTERM: requests under way get this long to finish
# No max_requests: each replaced worker would leave its metric files behind until the next
# start, and every scrape reads them all.
accesslog = "-"  # stdout: the journal under systemd
errorlog = "-"


def on_starting(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return
    os.makedirs(directory, exist_ok=True)
    for stale in glob.glob(os.path.join(directory, "*.db")):
        os.remove(stale)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
