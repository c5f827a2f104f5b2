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


def test_a_never_tuned_set_not_yet_at_the_goal_is_named_so_and_must_hold_its_floor(
    tmp_path, monkeypatch
):
    # Every shipped set is at the goal since round 7: a new author's set arriving at 86 %.
    name = "triage_author_new.tsv"
    monkeypatch.setattr(evaluate, "UNTUNED_SETS", evaluate.UNTUNED_SETS | {name})
    monkeypatch.setattr(
        evaluate, "UNTUNED_FLOORS", {name: evaluate.Floor(accuracy=0.86, critical_recall=0.86)}
    )
    floored = tmp_path / name
    right = "Der Server ist ausgefallen, keiner kann arbeiten\tcritical\n"
    floored.write_text(right * 20, encoding="utf-8")
    text, ok = evaluate.summary([floored])
    assert ok and text.splitlines()[0].endswith(" ok")
    # nine right of ten (90 % / 90 %): below the goal; held or broken by the floor's numbers
    floored.write_text(right * 9 + "Mein Drucker druckt nicht\tcritical\n", encoding="utf-8")
    text, ok = evaluate.summary([floored])
    floor = evaluate.UNTUNED_FLOORS[name]
    assert "NOT YET AT THE GOAL" in text
    assert ok == (floor.accuracy <= 0.9 and floor.critical_recall <= 0.9)
    # one right of two: below the goal, and below any floor
    floored.write_text(right + "Mein Drucker druckt nicht\tlow\n", encoding="utf-8")
    text, ok = evaluate.summary([floored])
    assert not ok
    assert "NOT YET AT THE GOAL" in text and "BROKEN" in text
    assert "Drucker" not in text
