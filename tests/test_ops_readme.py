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


OUTBOX_SUMMARY = "Kundenportal: Mails werden nicht zugestellt (Verwaltung → Postausgang)"
RULE_TESTS = f"""
rule_files: [rules.yml]
evaluation_interval: 1m
tests:
  # two instances report the same database figures
  - interval: 1m
    input_series:
      - series: 'portal_outbox_mails{{job="kundenportal",instance="a",state="failed"}}'
        values: '0x20 1x30'
      - series: 'portal_outbox_mails{{job="kundenportal",instance="b",state="failed"}}'
        values: '0x20 1x30'
      - series: 'portal_outbox_mails{{job="kundenportal",instance="a",state="pending"}}'
        values: '0x50'
      - series: 'portal_jobs_oldest_age_seconds{{job="kundenportal",instance="a"}}'
        values: '0x50'
      - series: 'portal_sla_breaches_total{{job="kundenportal",instance="a",target="response"}}'
        values: '0x10 1 2 2 3x40'
      - series: 'portal_sla_breaches_total{{job="kundenportal",instance="b",target="response"}}'
        values: '0x10 1 2 2 3x40'
      - series: 'portal_sla_breaches_total{{job="kundenportal",instance="a",target="resolution"}}'
        values: '0x15 1x40'
    alert_rule_test:
      - eval_time: 15m
        alertname: KundenportalOutboxFailing
        exp_alerts: []
      - eval_time: 35m
        alertname: KundenportalOutboxFailing
        exp_alerts:
          - exp_labels: {{severity: warning, job: kundenportal, state: failed}}
            exp_annotations: {{summary: "{OUTBOX_SUMMARY}"}}
      - eval_time: 12m
        alertname: KundenportalSlaBreachesRising
        exp_alerts: []
      - eval_time: 20m
        alertname: KundenportalSlaBreachesRising
        exp_alerts:
          - exp_labels: {{severity: critical}}
            exp_annotations:
              summary: "Kundenportal: 4 SLA-Zusagen in der letzten Stunde verfehlt"
  # nothing failed, but pending mails sit while no worker takes the queue's jobs
  - interval: 1m
    input_series:
      - series: 'portal_outbox_mails{{job="kundenportal",instance="a",state="failed"}}'
        values: '0x60'
      - series: 'portal_outbox_mails{{job="kundenportal",instance="a",state="pending"}}'
        values: '5x60'
      - series: 'portal_jobs_oldest_age_seconds{{job="kundenportal",instance="a"}}'
        values: '0x10 60+60x50'
    alert_rule_test:
      - eval_time: 25m
        alertname: KundenportalOutboxFailing
        exp_alerts: []
      - eval_time: 40m
        alertname: KundenportalOutboxFailing
        exp_alerts:
          - exp_labels: {{severity: warning, job: kundenportal, state: pending}}
            exp_annotations: {{summary: "{OUTBOX_SUMMARY}"}}
"""


def _readme_yaml(containing: str) -> str:
    readme = (ROOT / "README.md").read_text()
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if containing in b]
    assert len(blocks) == 1, f"one yaml block with {containing!r} in the README"
    return blocks[0]


def _promtool(*args: str, cwd: Path) -> None:
    result = subprocess.run([PROMTOOL, *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_alert_rules_fire_on_the_portals_series(tmp_path):
    (tmp_path / "rules.yml").write_text(_readme_yaml("alert: KundenportalOutboxFailing"))
    (tmp_path / "tests.yml").write_text(RULE_TESTS)
    _promtool("test", "rules", "tests.yml", cwd=tmp_path)


def test_readme_scrape_config_is_valid(tmp_path):
    scrape = _readme_yaml("scrape_configs:").replace(
        "/etc/prometheus/kundenportal.token", str(tmp_path / "token")
    )
    (tmp_path / "token").write_text("kp-metrics-token")
    (tmp_path / "prometheus.yml").write_text(scrape)
    _promtool("check", "config", "prometheus.yml", cwd=tmp_path)
