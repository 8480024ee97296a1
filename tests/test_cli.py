"""The command line: coding files, error records and exit status, resuming, formats, counts, codebook."""

from __future__ import annotations

import json
import pathlib

import pytest

from eventcode.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "articles" / "kabul_talks.txt"


def test_code_txt_to_jsonl(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .txt article is coded into JSON lines named by the file's stem."""
    out = tmp_path / "events.jsonl"
    assert main(["code", str(ARTICLE), "--date", "2021-03-03", "-o", str(out), "-q"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(r["doc_id"] == "kabul_talks" for r in rows)


def _jsonl(tmp_path: pathlib.Path, n: int, bad_line: int | None = None) -> pathlib.Path:
    lines = [json.dumps({"id": f"d{i}", "text": "Germany invaded France.", "date": "2021-01-01"}) for i in range(n)]
    if bad_line is not None:
        lines[bad_line] = '{"id": "broken", "text": '
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n")
    return p


def test_bad_line_is_an_error_record_and_exit_1(tmp_path: pathlib.Path) -> None:
    """A malformed JSONL line gives an error record naming file and line; the rest is coded; exit status 1."""
    src = _jsonl(tmp_path, 5, bad_line=2)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["code", str(src), "-o", str(out), "--errors", str(errs), "-q"]) == 1
    ids = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    assert ids == {"d0", "d1", "d3", "d4"}
    (err,) = [json.loads(line) for line in errs.read_text().splitlines()]
    assert "in.jsonl:3" in err["error"] and "malformed JSON" in err["error"]


def test_resume_neither_duplicates_nor_skips(tmp_path: pathlib.Path) -> None:
    """After an interruption, --resume truncates to the last finished document and goes on after it."""
    src = _jsonl(tmp_path, 8)
    full = tmp_path / "full.jsonl"
    assert main(["code", str(src), "-o", str(full), "-q"]) == 0
    part = tmp_path / "part.jsonl"
    assert main(["code", str(src), "-o", str(part), "-q"]) == 0
    done = part.with_name(part.name + ".done")
    lines = done.read_text().splitlines()
    done.write_text("\n".join(lines[:3]) + "\n")  # the run "died" after three documents ...
    with open(part, "a") as fh:
        fh.write('{"half-written')  # ... in the middle of writing the fourth
    assert main(["code", str(src), "-o", str(part), "--resume", "-q"]) == 0
    assert part.read_text() == full.read_text()


@pytest.mark.parametrize(("fmt", "width"), [("gdelt", 61), ("phoenix", 26), ("icews", 20)])
def test_tabular_formats(tmp_path: pathlib.Path, fmt: str, width: int) -> None:
    """GDELT, Phoenix and ICEWS outputs have their column counts."""
    out = tmp_path / f"e.{fmt}"
    assert main(["code", str(ARTICLE), "--date", "2021-03-03", "-f", fmt, "-o", str(out), "-q"]) == 0
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(len(r) == width for r in rows)


def test_counts_command(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """eventcode counts writes CSV counts by dyad and month."""
    ev = tmp_path / "e.jsonl"
    assert main(["code", str(ARTICLE), "--date", "2021-03-03", "-o", str(ev), "-q"]) == 0
    capsys.readouterr()
    assert main(["counts", str(ev), "--by", "dyad,quad_class", "--period", "month"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("dyad,quad_class,period,events,goldstein_sum")
    assert len(out) > 1


def test_codebook_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    """codebook looks up codes and words; explain prints the decision trail."""
    assert main(["codebook", "1823"]) == 0
    assert "Kill by physical assault" in capsys.readouterr().out
    assert main(["codebook", "ceasefire"]) == 0
    assert "0871" in capsys.readouterr().out
    assert main(["codebook", "nosuchthing"]) == 1
    assert main(["explain", "The Taliban did not attack Afghan forces."]) == 0
    assert "negated" in capsys.readouterr().out


def test_bad_date_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A publication date that is not a date exits 2 with a message naming it."""
    assert main(["code", str(ARTICLE), "--date", "yesterday", "-q"]) == 2
    assert "not an ISO date" in capsys.readouterr().err


def test_one_a_day(tmp_path: pathlib.Path) -> None:
    """--one-a-day keeps one event per date, dyad and code across documents."""
    src = _jsonl(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    assert main(["code", str(src), "-o", str(out), "--one-a-day", "-q"]) == 0
    assert len(out.read_text().splitlines()) == 1
