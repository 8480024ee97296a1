"""The ``eventcode`` command line: one command over coding, explaining, counting and the codebook.

Examples::

    eventcode code article.txt                          # events of one article, JSON lines on stdout
    eventcode code --date 2021-03-24 --format text article.txt
    eventcode code news.jsonl -o events.jsonl --jobs 2  # JSONL in (text, id, date, url fields)
    eventcode code news.csv --text-field body --id-field story_id --format gdelt -o events.tsv
    eventcode code news.jsonl -o events.jsonl --resume  # go on after an interruption
    echo "Germany invaded France." | eventcode code -
    eventcode explain "The US and Britain condemned Iran."
    eventcode counts events.jsonl --by dyad,quad_class --period month
    eventcode codebook 1823                             # what a CAMEO code means
    eventcode codebook ceasefire                        # codes whose names mention a word
    eventcode code --tabari Validate.project records.txt  # code with TABARI dictionaries
    eventcode convert --petrarch-verbs CAMEO.2.0.txt --petrarch-actors Phoenix.Countries.actors.txt -o native/

Exit status: 0 when every record was coded, 1 when some records failed (see the error records), 2 on a usage
or configuration error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

__all__ = ["build_parser", "main"]

TABLE_FORMATS = ("jsonl", "csv", "gdelt", "phoenix", "icews", "plover", "text")


def _foreign_lexicon(args: argparse.Namespace) -> Any:
    """The lexicon of --tabari or --petrarch-* options, or None."""
    if getattr(args, "tabari", None):
        from eventcode.lexicon import read_tabari_project

        return read_tabari_project(args.tabari)
    if getattr(args, "petrarch_verbs", None):
        from eventcode.lexicon import read_petrarch

        return read_petrarch(args.petrarch_verbs, args.petrarch_actors or [], args.petrarch_agents,
                             args.petrarch_discards)
    if any(getattr(args, n, None) for n in ("petrarch_actors", "petrarch_agents", "petrarch_discards")):
        from eventcode.errors import DictionaryError

        raise DictionaryError("--petrarch-actors/--petrarch-agents/--petrarch-discards need --petrarch-verbs")
    return None


def _coder(args: argparse.Namespace) -> Any:
    import eventcode

    lex = _foreign_lexicon(args)
    if lex is not None:
        require = getattr(args, "require", None)
        return eventcode.Coder(dictionaries=args.dictionary or (), builtin=False, lexicon=lex,
                               require="both" if require in (None, "either", "material") else require, dates=False,
                               places=False)
    return eventcode.Coder(dictionaries=args.dictionary or (), require=getattr(args, "require", "material"),
                           builtin=not getattr(args, "no_builtin", False))


def _cmd_convert(args: argparse.Namespace) -> int:
    from eventcode.lexicon import load_files, write_native

    lex = _foreign_lexicon(args)
    if lex is None:
        if not args.dictionary:
            print("eventcode: convert needs --tabari PROJECT, --petrarch-verbs FILE or -d PATH", file=sys.stderr)
            return 2
        lex = load_files(args.dictionary)
    elif args.dictionary:
        load_files(args.dictionary, lex)
    files = write_native(lex, args.output)
    if not args.quiet:
        print(f"eventcode: wrote {len(files)} files to {args.output}: {len(lex.actors)} actors, "
              f"{len(lex.agents)} agents, {len(lex.patterns)} patterns", file=sys.stderr)
        for kind, n in lex.report.untranslated.items():
            print(f"  not translated: {kind}: {n} (e.g. {lex.report.examples[kind][0]})", file=sys.stderr)
    return 0


def _read_done(path: Path) -> tuple[set[str], int]:
    done: set[str] = set()
    offset = 0
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            doc_id, _, off = line.rpartition("\t")
            if off.isdigit():
                done.add(doc_id)
                offset = int(off)
    return done, offset


def _cmd_code(args: argparse.Namespace) -> int:
    from eventcode.batch import Summary, code_documents, settle
    from eventcode.formats import FORMATS, columns, write_parquet
    from eventcode.inputs import FieldNames, read_documents

    fields = FieldNames(text=args.text_field, id=args.id_field, date=args.date_field, url=args.url_field)
    coder = _coder(args)
    docs: Iterator[Any] = read_documents(args.inputs, fields, "replace" if args.encoding_errors == "replace"
                                         else "strict", args.input_format)
    if args.date:
        from eventcode.records import Document, to_date

        day = to_date(args.date)
        docs = (attrs.evolve(d, date=d.date or day) if isinstance(d, Document) else d for d in docs)

    done: set[str] = set()
    out: IO[str]
    checkpoint: IO[str] | None = None
    if args.format == "parquet" and not args.output:
        print("eventcode: --format parquet needs -o FILE", file=sys.stderr)
        return 2
    if args.output and args.format != "parquet":
        outp = Path(args.output)
        donep = outp.with_name(outp.name + ".done")
        if args.resume:
            done, offset = _read_done(donep)
            mode = "r+" if outp.exists() else "w"
            out = open(outp, mode, encoding="utf-8", newline="")  # noqa: SIM115
            out.seek(offset)
            out.truncate()
        else:
            out = open(outp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            if donep.exists():
                donep.unlink()
        checkpoint = open(donep, "a", encoding="utf-8")  # noqa: SIM115
    else:
        out = sys.stdout
    if done:
        from eventcode.inputs import InputRecordError

        docs = (d for d in docs if (d.doc_id if isinstance(d, InputRecordError) else d.id) not in done)

    errors_out: IO[str] = open(args.errors, "a", encoding="utf-8") if args.errors else sys.stderr  # noqa: SIM115
    summary = Summary()
    progress = args.progress if args.progress is not None else (sys.stderr.isatty() and out is not sys.stdout)
    header_done = args.resume and bool(done)
    parquet_events: list[Any] = []
    failed = 0
    seen: set[tuple[object, ...]] = set()
    # this process codes to the end, or forks workers that inherit its built tables: built once, never collected
    settle(coder)
    try:
        for r in code_documents(docs, coder=coder, jobs=args.jobs, progress=progress, summary=summary):
            if args.one_a_day and r.events:
                kept = []
                for ev in r.events:  # Phoenix's filter: one event per date, source, target and code
                    key = (ev.date, ev.dyad, ev.action.code)
                    if key not in seen:
                        seen.add(key)
                        kept.append(ev)
                r = attrs.evolve(r, events=tuple(kept))
            if r.error is not None:
                failed += 1
                errors_out.write(json.dumps({"doc_id": r.doc_id, "index": r.index, "error": r.error}) + "\n")
                errors_out.flush()
            elif args.format == "parquet":
                parquet_events.extend(r.events)
            elif args.format == "text":
                for ev in r.events:
                    a = ev.actor.code if ev.actor and ev.actor.code else "-"
                    t = ev.target.code if ev.target and ev.target.code else "-"
                    out.write(f"{r.doc_id}\t{ev.date or ''}\t{a}\t{ev.action.code}\t{t}\t{ev.action.name}\t"
                              f"{ev.evidence.verb_text if ev.evidence else ''}\n")
            elif args.format in ("csv", "icews") and not header_done:
                import csv as _csv

                _csv.writer(out, delimiter="," if args.format == "csv" else "\t", lineterminator="\n").writerow(
                    columns(args.format))
                header_done = True
                FORMATS[args.format](r.events, out, header=False)  # type: ignore[call-arg]
            elif args.format in ("csv", "icews"):
                FORMATS[args.format](r.events, out, header=False)  # type: ignore[call-arg]
            else:
                FORMATS[args.format](r.events, out)
            if checkpoint is not None:
                out.flush()
                checkpoint.write(f"{r.doc_id}\t{out.tell()}\n")
                checkpoint.flush()
        if args.format == "parquet":
            write_parquet(parquet_events, args.output)
    finally:
        if out is not sys.stdout:
            out.close()
        if checkpoint is not None:
            checkpoint.close()
        if errors_out is not sys.stderr:
            errors_out.close()
    if not args.quiet:
        print(f"eventcode: {summary}", file=sys.stderr)
    return 1 if failed else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    if text == "-":
        text = sys.stdin.read()
    print(_coder(args).explain(text, date=args.date))
    return 0


def _cmd_codebook(args: argparse.Namespace) -> int:
    from eventcode.codebook import all_event_codes, get_event_code

    codes = all_event_codes()
    if args.query:
        q = args.query.lower()
        exact = get_event_code(args.query)
        codes = [exact] if exact else [c for c in codes if q in c.name.lower()]
    if not codes:
        print(f"eventcode: no CAMEO code matches {args.query!r}", file=sys.stderr)
        return 1
    for c in codes:
        print(f"{c.code}\t{c.name}\tGoldstein {c.goldstein:+.1f}\tQuadClass {c.quad_class}")
    return 0


def _read_events(paths: list[str]) -> Iterator[Any]:
    from eventcode.errors import InputError
    from eventcode.records import Event

    for name in paths:
        fh = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
        try:
            for no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if "error" in obj and "action" not in obj:
                        continue  # an error record, not an event
                    yield Event.from_dict(obj)
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"not an event record: {exc}", source=name, line=no) from None
        finally:
            if fh is not sys.stdin:
                fh.close()


def _cmd_counts(args: argparse.Namespace) -> int:
    import csv as _csv

    from eventcode.analysis import counts

    table = counts(_read_events(args.events), by=args.by, period=args.period, scheme=args.scheme,
                   zero_fill=args.zero_fill, dedupe=args.one_a_day, coded_only=args.coded_only)
    rows = table.records()
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    try:
        fieldnames = list(rows[0]) if rows else [*table.by, "events"]
        w = _csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from eventcode.analysis import evaluate, read_gold

    coder = _coder(args)
    result = evaluate(read_gold(args.gold), coder.code)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        print(result)
        if args.show_failures:
            for rid, expected, coded in result.failures[: args.show_failures]:
                print(f"  {rid}: expected {list(expected)} coded {list(coded)}")
    return 0


def _cmd_plot(args: argparse.Namespace) -> int:
    from eventcode.analysis.plot import plot_series

    dyad = tuple(args.dyad.split(",")) if args.dyad else None
    if dyad is not None and len(dyad) != 2:
        print("eventcode: --dyad takes SOURCE,TARGET (code prefixes, e.g. USA,AFG)", file=sys.stderr)
        return 2
    path = plot_series(_read_events(args.events), args.output, dyad=dyad, country=args.country,
                       period=args.period, scheme=args.scheme, title=args.title)
    print(f"eventcode: wrote {path}", file=sys.stderr)
    return 0


def _add_dictionary_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-d", "--dictionary", action="append", metavar="PATH",
                   help="extra native dictionary file or folder (repeatable)")
    p.add_argument("--no-builtin", action="store_true",
                   help="use only the dictionaries given (-d), not the built-in ones (for converted TABARI/PETRARCH "
                        "folders)")
    p.add_argument("--tabari", metavar="PROJECT", help="code with a TABARI dictionary set named by a .project file")
    p.add_argument("--petrarch-verbs", metavar="FILE", help="code with PETRARCH dictionaries: the verb file "
                   "(PETRARCH-1 or -2 format)")
    p.add_argument("--petrarch-actors", action="append", metavar="FILE", help="PETRARCH actor file (repeatable)")
    p.add_argument("--petrarch-agents", metavar="FILE", help="PETRARCH agents file")
    p.add_argument("--petrarch-discards", metavar="FILE", help="PETRARCH discard file")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs)."""
    p = argparse.ArgumentParser(prog="eventcode", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    from eventcode import __version__

    p.add_argument("--version", action="version", version=f"eventcode {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser(
        "code", help="code articles into events",
        description="Code .txt articles (one article a file; the file name is the id), JSONL or CSV records, "
                    "or standard input (-). Events go to stdout or -o; error records to stderr or --errors.",
        epilog="example: eventcode code news.jsonl -o events.csv --format csv --jobs 2",
    )
    c.add_argument("inputs", nargs="+", help="files to code (.txt, .jsonl, .csv), or - for standard input")
    c.add_argument("-o", "--output", help="write events here instead of standard output")
    c.add_argument("-f", "--format", choices=[*TABLE_FORMATS, "parquet"], default="jsonl",
                   help="output format (default jsonl; parquet needs the parquet extra and -o)")
    c.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that carry none")
    c.add_argument("--require", choices=["none", "material", "either", "source", "both"], default="material",
                   help="which coded actors an event needs (default: material: a coded actor, or a material "
                        "event with no identified actor)")
    c.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    c.add_argument("--input-format", choices=["txt", "jsonl", "csv"], help="override detection by extension")
    c.add_argument("--text-field", default="text", help="JSONL/CSV field with the text (default text)")
    c.add_argument("--id-field", default="id", help="JSONL/CSV field with the document id (default id)")
    c.add_argument("--date-field", default="date", help="JSONL/CSV field with the publication date")
    c.add_argument("--url-field", default="url", help="JSONL/CSV field with the URL")
    c.add_argument("--errors", metavar="FILE", help="append error records (JSON lines) here instead of stderr")
    c.add_argument("--encoding-errors", choices=["strict", "replace"], default="strict",
                   help="undecodable bytes: fail the file (strict, default) or replace them")
    c.add_argument("--resume", action="store_true",
                   help="go on from where an interrupted run with the same -o stopped (no duplicates, no gaps)")
    c.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: on when writing to a file from a terminal; needs tqdm)")
    c.add_argument("--one-a-day", action="store_true",
                   help="Phoenix's one-a-day filter: keep one event per date, source, target and code")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    _add_dictionary_options(c)
    c.set_defaults(func=_cmd_code)

    e = sub.add_parser("explain", help="show step by step why each event was or was not coded",
                       epilog='example: eventcode explain "Six police officers were killed by militants."')
    e.add_argument("text", nargs="+", help="the sentence or article text (- for stdin)")
    e.add_argument("--date", help="publication date (YYYY-MM-DD)")
    _add_dictionary_options(e)
    e.set_defaults(func=_cmd_explain)

    k = sub.add_parser("counts", help="count events (JSONL) by dyad, QuadClass, country ... and period; CSV out",
                       epilog="example: eventcode counts events.jsonl --by dyad,quad_class --period month")
    k.add_argument("events", nargs="+", help="event JSONL files (as written by eventcode code), - for stdin")
    k.add_argument("--by", default="dyad", help="comma-separated dimensions (default dyad)")
    k.add_argument("--period", choices=["day", "week", "month", "year"], help="time unit (default: none)")
    k.add_argument("--scheme", default="gdelt", choices=["gdelt", "icews", "penta", "penta_roots"],
                   help="QuadClass scheme (default gdelt)")
    k.add_argument("--zero-fill", action="store_true", help="every key x every period, zeros included")
    k.add_argument("--one-a-day", action="store_true", help="Phoenix's one-a-day filter first")
    k.add_argument("--coded-only", action="store_true", help="skip events with an uncoded source or target")
    k.add_argument("-o", "--output", help="CSV file (default stdout)")
    k.set_defaults(func=_cmd_counts)

    v = sub.add_parser("evaluate", help="score the coder against a hand-coded gold sample (JSONL)",
                       description="Precision, recall and F1 at root, code, dyad and triple level, and a confusion "
                                   "table by root. Gold format: see docs/evaluation.md.",
                       epilog="example: eventcode evaluate my_gold.jsonl --show-failures 20")
    v.add_argument("gold", help="gold JSONL: {id, text, date, events: [{source, code, target}]}")
    v.add_argument("--json", action="store_true", help="JSON output")
    v.add_argument("--show-failures", type=int, default=0, metavar="N", help="list N records coded wrongly")
    v.add_argument("--require", choices=["none", "material", "either", "source", "both"], default="material")
    _add_dictionary_options(v)
    v.set_defaults(func=_cmd_evaluate)

    g = sub.add_parser("plot", help="plot conflict and cooperation over time (PNG or SVG; needs matplotlib)",
                       epilog="example: eventcode plot events.jsonl --dyad USA,AFG --period month -o usa_afg.png")
    g.add_argument("events", nargs="+", help="event JSONL files")
    g.add_argument("-o", "--output", required=True, help="PNG or SVG file to write")
    g.add_argument("--dyad", help="SOURCE,TARGET actor code prefixes, e.g. USA,AFG")
    g.add_argument("--country", help="alpha-3 country on either side")
    g.add_argument("--period", default="month", choices=["day", "week", "month", "year"])
    g.add_argument("--scheme", default="gdelt", choices=["gdelt", "icews"])
    g.add_argument("--title")
    g.set_defaults(func=_cmd_plot)

    cv = sub.add_parser("convert", help="write TABARI or PETRARCH dictionaries out in eventcode's native format",
                        description="Translate foreign dictionaries (--tabari, --petrarch-*) into native dictionary "
                                    "files that load with -d FOLDER; what cannot be translated is listed.",
                        epilog="example: eventcode convert --tabari Validate.project -o validate-native/")
    cv.add_argument("-o", "--output", required=True, metavar="FOLDER", help="folder to write the files to")
    cv.add_argument("-q", "--quiet", action="store_true", help="no summary")
    _add_dictionary_options(cv)
    cv.set_defaults(func=_cmd_convert)

    b = sub.add_parser("codebook", help="look up CAMEO event codes by code or by words in their names",
                       epilog="example: eventcode codebook 0874")
    b.add_argument("query", nargs="?", help="a code (0332) or words (ceasefire)")
    b.set_defaults(func=_cmd_codebook)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    from eventcode.errors import EventcodeError

    try:
        return int(args.func(args))
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except EventcodeError as exc:
        print(f"eventcode: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
