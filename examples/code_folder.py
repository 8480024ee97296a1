"""Code a folder of articles (one .txt file each) into a CSV of events, with a summary.

Usage: python examples/code_folder.py [FOLDER] [OUT.csv] [--date YYYY-MM-DD]
(defaults: the bundled examples/articles folder, events.csv in the current directory)
"""

from __future__ import annotations

import argparse
import pathlib

import eventcode
from eventcode.formats import write_csv

HERE = pathlib.Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> eventcode.Summary:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(HERE / "articles"))
    ap.add_argument("out", nargs="?", default="events.csv")
    ap.add_argument("--date", help="publication date of every article (else none)")
    a = ap.parse_args(argv)
    docs = ({"id": p.stem, "text": p.read_text(encoding="utf-8"), "date": a.date}
            for p in sorted(pathlib.Path(a.folder).glob("*.txt")))
    summary = eventcode.Summary()
    events: list[eventcode.Event] = []
    for result in eventcode.code_documents(docs, summary=summary):
        if result.error:
            print(f"{result.doc_id}: {result.error}")
        events.extend(result.events)
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        write_csv(events, fh)
    print(summary)
    return summary


if __name__ == "__main__":
    main()
