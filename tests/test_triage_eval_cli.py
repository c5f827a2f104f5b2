"""`flask triage-eval [PATH]`: accuracy, recall of Kritisch and confusions of the triage."""

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


def test_triage_eval_reports_accuracy_and_critical_recall_per_shipped_set(app):
    result = app.test_cli_runner().invoke(args=["triage-eval"])
    lines = result.output.splitlines()
    for path in evaluate.labelled_sets():
        total = len(evaluate.load_labelled(path))
        line = next(line for line in lines if line.startswith(path.name))
        assert f"/{total})" in line
        assert "recall Kritisch:" in line
    assert result.exit_code == 0, result.output


def test_triage_eval_never_prints_the_lines_of_an_untuned_set(app, tmp_path):
    untuned = tmp_path / sorted(evaluate.UNTUNED_SETS)[0]
    untuned.write_text("Mein Drucker druckt nicht\tlow\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["triage-eval", str(untuned)])
    assert "accuracy: 0.0% (0/1)" in result.output
    assert "Drucker" not in result.output


def test_triage_eval_refuses_a_file_without_labelled_lines(app, tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing here\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["triage-eval", str(empty)])
    assert result.exit_code != 0
    assert "keine beschrifteten Zeilen" in result.output


def test_a_set_below_the_goal_fails_and_a_never_tuned_one_shows_no_line(tmp_path, monkeypatch):
    name = "triage_author_new.tsv"
    monkeypatch.setattr(evaluate, "UNTUNED_SETS", evaluate.UNTUNED_SETS | {name})
    below = tmp_path / name
    right = "Der Server ist ausgefallen, keiner kann arbeiten\tcritical\n"
    below.write_text(right * 20, encoding="utf-8")
    text, ok = evaluate.summary([below])
    assert ok and text.splitlines()[0].endswith(" ok")
    # nineteen right of twenty (95 % accuracy, 95 % recall): recall is below the goal
    below.write_text(right * 19 + "Mein Drucker druckt nicht\tcritical\n", encoding="utf-8")
    text, ok = evaluate.summary([below])
    assert not ok
    assert text.splitlines()[0].endswith("BELOW MINIMUM")
    assert "Drucker" not in text
