"""The README's Prometheus scrape config and alert rules, checked by Prometheus' own promtool
(Debian's `prometheus` package) against series the portal exports: the rules fire when they
should and name the portal's metrics correctly. Skipped where promtool is not installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROMTOOL = shutil.which("promtool")


@pytest.fixture(autouse=True)
def _promtool_installed():
    if PROMTOOL is None:
        if os.environ.get("CI"):
            pytest.fail("CI=true but no promtool: .ci/run must install prometheus")
        pytest.skip("no promtool (apt-get install prometheus)")


RULE_TESTS = ROOT / "tests" / "data" / "readme_alert_rules.test.yml"


def _readme_yaml(containing: str) -> str:
    readme = (ROOT / "README.md").read_text()
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if containing in b]
    assert len(blocks) == 1, f"one yaml block with {containing!r} in the README"
    return blocks[0]


def _promtool(*args: str, cwd: Path) -> None:
    result = subprocess.run([PROMTOOL, *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_alert_rules_fire_on_the_portals_series(tmp_path):
    rules = _readme_yaml("alert: KundenportalOutboxFailing")
    (tmp_path / "rules.yml").write_text(rules, encoding="utf-8")
    (tmp_path / "tests.yml").write_text(RULE_TESTS.read_text("utf-8"), encoding="utf-8")
    _promtool("test", "rules", "tests.yml", cwd=tmp_path)


def test_readme_scrape_config_is_valid(tmp_path):
    scrape = _readme_yaml("scrape_configs:").replace(
        "/etc/prometheus/kundenportal.token", str(tmp_path / "token")
    )
    (tmp_path / "token").write_text("kp-metrics-token")
    (tmp_path / "prometheus.yml").write_text(scrape)
    _promtool("check", "config", "prometheus.yml", cwd=tmp_path)
