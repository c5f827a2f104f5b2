"""A throwaway Dovecot IMAP server for the inbound tests and the benchmark (no mocks): its own
config, users and maildir in a temporary directory, on a free port of 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER = "support@provider.example"
PASSWORD = "secret"

CONFIG = """\
first_valid_uid = 1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={d}/mail/%u
}}
mail_location = maildir:~/Maildir
mail_fsync = never
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def available() -> bool:
    return shutil.which("dovecot") is not None or Path("/usr/sbin/dovecot").exists()


def require() -> None:
    """Skip the calling test without Dovecot; fail it under CI, which installs it."""
    import pytest

    if not available():
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot is missing: .ci/run installs dovecot-imapd")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    directory: Path
    port: int
    process_id: int

    @property
    def url(self) -> str:
        return f"imap://{USER.replace('@', '%40')}:{PASSWORD}@127.0.0.1:{self.port}/INBOX"

    def client(self):
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        client.login(USER, PASSWORD)
        return client

    def append(self, *raws: bytes) -> None:
        client = self.client()
        try:
            for raw in raws:
                client.append("INBOX", raw)
        finally:
            client.logout()

    def clear(self) -> None:
        client = self.client()
        try:
            client.select_folder("INBOX")
            uids = client.search(["ALL"])
            if uids:
                client.delete_messages(uids)
                client.expunge()
        finally:
            client.logout()

    def unseen(self) -> int:
        client = self.client()
        try:
            client.select_folder("INBOX", readonly=True)
            return len(client.search(["UNSEEN"]))
        finally:
            client.logout()

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process_id, signal.SIGTERM)
        for _ in range(100):
            try:
                os.kill(self.process_id, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        shutil.rmtree(self.directory, ignore_errors=True)


def start() -> Server:
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    directory = Path(tempfile.mkdtemp(prefix="kp-dovecot-"))
    for name in ("mail", "run", "state"):
        (directory / name).mkdir()
    shutil.chown(directory / "mail", "dovecot", "dovecot")
    os.chmod(directory, 0o755)
    port = free_port()
    (directory / "dovecot.conf").write_text(CONFIG.format(d=directory, port=port))
    (directory / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    subprocess.run([binary, "-c", str(directory / "dovecot.conf")], check=True)
    pid_file = directory / "run" / "master.pid"
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text().strip():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                pass
        time.sleep(0.05)
    else:
        raise RuntimeError(f"dovecot did not start: {(directory / 'dovecot.log').read_text()}")
    return Server(directory, port, int(pid_file.read_text().strip()))
