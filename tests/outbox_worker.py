"""Helpers for the end-to-end outbox tests: a real huey consumer process, SMTP servers."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Mailbox, free_port

ROOT = Path(__file__).resolve().parent.parent


class SlowMailbox(Mailbox):
    """Takes `delay` seconds per mail; `started` counts mails it began to receive."""

    def __init__(self, delay: float):
        super().__init__()
        self.delay = delay
        self.started = 0

    async def handle_DATA(self, server, session, envelope):
        self.started += 1
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


@contextlib.contextmanager
def smtp_server(mailbox, port: int):
    """An SMTP server on ``port`` delivering into ``mailbox`` while the block runs."""
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


class Worker:
    """`flask --app portal worker` in its own process, configured like the test's app."""

    def __init__(self, env: dict, log_path: Path):
        self.log = open(log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "portal", "worker", "-w", "2"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        """SIGKILL: no chance to finish or clean up, as when a machine dies."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log.close()

    def terminate(self) -> None:
        """Ask it to stop (SIGTERM) without waiting; stop() waits."""
        if self.process.poll() is None:
            self.process.terminate()

    def stop(self) -> None:
        self.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def worker_env(app, **extra) -> dict:
    config = app.config
    env = {
        "PORTAL_DATABASE_URL": config["DATABASE_URL"],
        "PORTAL_SECRET_KEY": "test-secret",
        "PORTAL_MAIL_SERVER": config["MAIL_SERVER"],
        "PORTAL_MAIL_PORT": str(config["MAIL_PORT"]),
        "PORTAL_MAIL_TIMEOUT": "5",
        "PORTAL_MAIL_RETRY_DELAYS": "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
        "PORTAL_MAIL_LEASE_SECONDS": str(config["MAIL_LEASE_SECONDS"]),
        "PORTAL_SUPPORT_EMAIL": config["SUPPORT_EMAIL"],
    }
    if config.get("JOBS_URL"):
        env["PORTAL_JOBS_URL"] = config["JOBS_URL"]
    else:
        env["PORTAL_JOBS_SQLITE_PATH"] = config["JOBS_SQLITE_PATH"]
    return {**env, **extra}


def wait_for(condition, timeout: float = 20.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not reached within {timeout}s")


@contextlib.contextmanager
def redis_server(directory: Path):
    """A throwaway redis-server on a free port of 127.0.0.1; yields its redis:// URL. Without
    redis-server the test is skipped, and fails under CI (which installs it)."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("CI=true but no redis-server: .ci/run must install it")
        pytest.skip("no redis-server (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        wait_for(lambda: _pings(client), timeout=10)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _pings(client) -> bool:
    import redis

    try:
        return client.ping()
    except redis.ConnectionError:
        return False
