"""`flask --app portal triage-eval [PATH]`: how well the free-text triage does on labelled text."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from portal.triage import evaluate


@click.command("triage-eval")
@click.argument(
    "path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def triage_eval_command(path: Path | None):
    """Without PATH: accuracy and recall of Kritisch per shipped set (exit 1 if any set is below
    95 % or 98 %).

    With PATH: the figures, the confusion table and the misclassified lines of that file.
    """
    if path is None:
        text, all_pass = evaluate.summary(evaluate.labelled_sets())
        click.echo(text)
        sys.exit(0 if all_pass else 1)
    if not evaluate.load_labelled(path):
        raise click.ClickException(
            "Die Datei enthält keine beschrifteten Zeilen (Text<TAB>Klasse)."
        )
    evaluate.main([str(path)])
