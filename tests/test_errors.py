"""Bad input gets clear errors naming what is wrong and where."""

from __future__ import annotations

import pathlib

import pytest

import eventcode
from eventcode.cli import main
from eventcode.errors import DictionaryError, EventcodeError, InputError
from eventcode.inputs import InputRecordError, read_documents
from eventcode.lexicon import load_files, parse_text


@pytest.mark.parametrize(("kind", "text", "line", "reason"), [
    (".verbs", "== 190\nattack +\n== 999\nhit +\n", 3, "unknown CAMEO event code '999'"),
    (".verbs", "attack +\n", 1, "before the first '== CODE'"),
    (".verbs", "== 190\nattack {a|b +\n", 2, "unbalanced"),
    (".verbs", "== 190\nattack %nosuchclass\n", None, "unknown word class %nosuchclass"),
    (".actors", "Ruritania\n    RURGOV\n", 2, "unknown actor code 'RURGOV'"),
    (".actors", "Ruritania\n    DEU 2020-02-30..\n", 2, "bad date"),
    (".actors", "    DEU\n", 1, "without an actor name line"),
    (".agents", "soldier\n    XXX\n", 2, "unknown agent code 'XXX'"),
])
def test_dictionary_errors_name_file_and_line(tmp_path: pathlib.Path, kind: str, text: str, line: int | None,
                                              reason: str) -> None:
    """A bad dictionary entry raises DictionaryError with file:line: reason."""
    path = tmp_path / f"mine{kind}"
    path.write_text(text)
    with pytest.raises(DictionaryError, match=reason) as info:
        eventcode.Coder(dictionaries=[path], builtin=False).compiled  # noqa: B018 - build to validate
    assert str(path) in str(info.value)
    if line is not None:
        assert f"{path}:{line}:" in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, EventcodeError)


def test_dictionary_not_utf8(tmp_path: pathlib.Path) -> None:
    """A dictionary file that is not UTF-8 names the file and the byte offset."""
    path = tmp_path / "bad.actors"
    path.write_bytes(b"Ruritania\n    DEU\nM\xfcnchen\n    DEU\n")
    with pytest.raises(DictionaryError, match=r"not UTF-8 at byte 19"):
        load_files([path])


def test_undecodable_input_names_file_and_offset(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An input file with bad bytes fails with its name and byte offset, or decodes with replacement on request."""
    path = tmp_path / "article.txt"
    path.write_bytes(b"Germany invaded France.\n\xff\xfe broken")
    with pytest.raises(InputError, match=r"article.txt.*byte 24"):
        list(read_documents([str(path)]))
    assert main(["code", str(path), "-q"]) == 2
    assert "byte 24" in capsys.readouterr().err
    assert main(["code", str(path), "--encoding-errors", "replace", "-q"]) == 0
    assert "192" in capsys.readouterr().out


def test_malformed_csv_row(tmp_path: pathlib.Path) -> None:
    """A CSV row with the wrong number of fields is an error record with its line; the others are read."""
    path = tmp_path / "news.csv"
    path.write_text('id,text,date\na,"Germany invaded France.",2021-01-01\nb,"too",many,fields\n'
                    'c,"The United States criticized Iran.",2021-01-02\n')
    items = list(read_documents([str(path)]))
    assert [type(x).__name__ for x in items] == ["Document", "InputRecordError", "Document"]
    bad = items[1]
    assert isinstance(bad, InputRecordError) and bad.line == 3 and "fields" in bad.reason


def test_bad_date_and_text_types() -> None:
    """A publication date that is not a date and a text that is not a string are clear errors."""
    with pytest.raises(InputError, match="not an ISO date"):
        eventcode.code("Germany invaded France.", date="31/02/2021")
    with pytest.raises(InputError, match="must be a str"):
        eventcode.code(b"Germany invaded France.")  # type: ignore[arg-type]


def test_native_reader_parses_data_only() -> None:
    """Dictionaries are data: a line that looks like code is just an unreadable entry."""
    with pytest.raises(DictionaryError):
        parse_text("== 190\n__import__('os').system('true') +\n{{\n", ".verbs", "evil.verbs")
