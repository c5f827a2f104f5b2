"""What a web worker loads at start: the heavy libraries only some requests need (WeasyPrint
for a PDF report, zxcvbn's word lists for a new password, icalendar for a feed, segno for
a QR code) are loaded by those requests, so
every gunicorn worker stays small (the benchmark's aim: under 80 MiB)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_started_app_has_not_loaded_the_libraries_of_rare_requests(tmp_path):
    script = (
        "import sys\n"
        "from portal import create_app\n"
        "create_app()\n"
        "rare = ('weasyprint', 'zxcvbn', 'icalendar', 'segno')\n"
        "print(sorted(m for m in rare if m in sys.modules))\n"
    )
    env = {
        "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "PORTAL_SECRET_KEY": "test",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
