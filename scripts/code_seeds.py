"""Code the seed articles in ../shared/seeds and list their events (for review; the articles are not copied).

Usage: python scripts/code_seeds.py [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import pathlib

import eventcode

SEEDS = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", help="publication date for all seeds (default: none)")
    a = ap.parse_args()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        events = eventcode.code(text, date=a.date, doc_id=path.stem)
        print(f"## {path.name}: {len(events)} events")
        for e in events:
            src = f"{e.actor.code or '?'} ({e.actor.text})" if e.actor else "-"
            tgt = f"{e.target.code or '?'} ({e.target.text})" if e.target else "-"
            where = f" @ {e.location.name}" if e.location else ""
            head = " [headline]" if e.headline else ""
            print(f"- {e.date or ''} {src} -> {e.action.code} {e.action.name} -> {tgt}{where}{head}"
                  f" | \"{e.evidence.verb_text if e.evidence else ''}\"")


if __name__ == "__main__":
    main()
