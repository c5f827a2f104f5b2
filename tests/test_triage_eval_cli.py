"""`flask triage-eval [PATH]`: accuracy and confusions of the free-text triage."""

from portal.triage import evaluate


def test_triage_eval_prints_accuracy_and_confusions(app, tmp_path):
    labelled = tmp_path / "labelled.tsv"
    labelled.write_text(
        "# text<TAB>class\n"
        "Der Server ist ausgefallen, keiner kann arbeiten\tcritical\n"
        "Mein Drucker druckt nicht\tnormal\n"
        "Mein Drucker druckt nicht\tlow\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["triage-eval", str(labelled)])
    assert result.exit_code == 0, result.output
    assert "accuracy: 66.7% (2/3)" in result.output
    assert "expected low      got normal   Mein Drucker druckt nicht" in result.output


def test_triage_eval_defaults_to_the_shipped_labelled_file(app):
    result = app.test_cli_runner().invoke(args=["triage-eval"])
    assert result.exit_code == 0, result.output
    total = len(evaluate.load_labelled(evaluate.DEFAULT_PATH))
    assert f"/{total})" in result.output.splitlines()[0]


def test_triage_eval_refuses_a_file_without_labelled_lines(app, tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing here\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["triage-eval", str(empty)])
    assert result.exit_code != 0
    assert "keine beschrifteten Zeilen" in result.output
