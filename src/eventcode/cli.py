"""The ``eventcode`` command line.

Examples::

    eventcode code article.txt                   # events of one article, as JSON lines
    eventcode code --date 2021-03-24 article.txt
    echo "Germany invaded France." | eventcode code -
    eventcode explain "The US and Britain condemned Iran."
    eventcode codebook 1823                      # what a CAMEO code means
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _cmd_code(args: argparse.Namespace) -> int:
    import eventcode

    coder = eventcode.Coder(dictionaries=args.dictionary or (), require=args.require)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    failed = 0
    try:
        for name in args.inputs:
            if name == "-":
                text, doc_id = sys.stdin.read(), "stdin"
            else:
                path = Path(name)
                try:
                    text = path.read_text(encoding="utf-8")
                except UnicodeDecodeError as exc:
                    print(f"eventcode: {name}: not UTF-8 at byte {exc.start}", file=sys.stderr)
                    failed += 1
                    continue
                except OSError as exc:
                    print(f"eventcode: {name}: {exc.strerror}", file=sys.stderr)
                    failed += 1
                    continue
                doc_id = path.stem
            for ev in coder.code(text, date=args.date, doc_id=doc_id):
                if args.format == "text":
                    a = ev.actor.code if ev.actor and ev.actor.code else "-"
                    t = ev.target.code if ev.target and ev.target.code else "-"
                    print(f"{ev.date or ''}\t{a}\t{ev.action.code}\t{t}\t{ev.action.name}\t"
                          f"{ev.evidence.verb_text if ev.evidence else ''}", file=out)
                else:
                    print(json.dumps(ev.to_dict(), ensure_ascii=False), file=out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    import eventcode

    text = " ".join(args.text)
    if text == "-":
        text = sys.stdin.read()
    coder = eventcode.Coder(dictionaries=args.dictionary or ())
    print(coder.explain(text, date=args.date))
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs)."""
    p = argparse.ArgumentParser(prog="eventcode", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("code", help="code articles into events (JSON lines)",
                       description="Code .txt articles (one article a file, the file name is the id) or stdin (-).")
    c.add_argument("inputs", nargs="+", help="files to code, or - for standard input")
    c.add_argument("-o", "--output", help="write here instead of standard output")
    c.add_argument("--date", help="publication date (YYYY-MM-DD) for all inputs")
    c.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    c.add_argument("--require", choices=["none", "either", "source", "both"], default="either",
                   help="which coded actors an event needs (default: either)")
    c.add_argument("-d", "--dictionary", action="append", help="extra native dictionary file or folder")
    c.set_defaults(func=_cmd_code)

    e = sub.add_parser("explain", help="show step by step why each event was or was not coded")
    e.add_argument("text", nargs="+", help="the sentence or article text (- for stdin)")
    e.add_argument("--date", help="publication date (YYYY-MM-DD)")
    e.add_argument("-d", "--dictionary", action="append", help="extra native dictionary file or folder")
    e.set_defaults(func=_cmd_explain)

    b = sub.add_parser("codebook", help="look up CAMEO event codes by code or by words in their names")
    b.add_argument("query", nargs="?", help="a code (0332) or words (ceasefire)")
    b.set_defaults(func=_cmd_codebook)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except Exception as exc:
        from eventcode.errors import EventcodeError

        if isinstance(exc, EventcodeError):
            print(f"eventcode: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
