"""`flask --app portal triage-eval [PATH]`: how well the free-text triage does on labelled text."""

from __future__ import annotations

from pathlib import Path

import click

from portal.triage import evaluate


@click.command("triage-eval")
@click.argument(
    "path", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def triage_eval_command(path: Path | None):
    """Print accuracy, the confusion table and the misclassified lines of a labelled TSV."""
    pairs = evaluate.load_labelled(path or evaluate.DEFAULT_PATH)
    if not pairs:
        raise click.ClickException(
            "Die Datei enthält keine beschrifteten Zeilen (Text<TAB>Klasse)."
        )
    evaluate.main([str(path or evaluate.DEFAULT_PATH)])
