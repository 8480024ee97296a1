"""Cost against text length: one long article against the same sentences as many short documents.

Usage: python benchmarks/length.py [--megabytes 1.0] [--corpus PATH.jsonl] [--settle]

The sentences of the news corpus (see ``throughput.py``) are coded twice by one warmed-up coder: joined into
one article of about ``--megabytes`` MB (paragraphs of five sentences), and as one short document each. It
prints the seconds and characters per second of both and their ratio: a coder whose cost grows linearly with
the length of a text codes both at the same rate (ratio near 1), whatever the article's size.

The one article keeps all its events until it is done, so Python's full garbage collections (which walk every
object alive, the coder's tables included) come more often while it is coded; ``--settle`` first calls
:func:`eventcode.batch.settle` (``gc.freeze``), as the command line and the batch workers do.
"""

from __future__ import annotations

import argparse
import json
import time

from throughput import load_sentences


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--corpus")
    ap.add_argument("--settle", action="store_true", help="call eventcode.batch.settle() (gc.freeze) first")
    a = ap.parse_args()
    want = int(a.megabytes * 1_000_000)
    sents: list[str] = []
    size = 0
    batch = 2000
    while size < want:
        more = load_sentences(batch, a.corpus, skip=len(sents))
        for s in more:
            s = " ".join(s.split())
            if not s.endswith((".", "!", "?", '"')):
                s += "."
            sents.append(s)
            size += len(s) + 1
            if size >= want:
                break
    paragraphs = [" ".join(sents[k : k + 5]) for k in range(0, len(sents), 5)]
    article = "\n\n".join(paragraphs)

    import eventcode

    coder = eventcode.Coder()
    for s in load_sentences(3000, a.corpus, skip=len(sents)):  # warm up on other sentences
        coder.code(s, date="2021-03-01")
    if a.settle:
        from eventcode.batch import settle

        settle(coder)
    t = time.perf_counter()
    n_short = sum(len(coder.code(s, date="2021-03-01")) for s in sents)
    short = time.perf_counter() - t
    t = time.perf_counter()
    n_long = len(coder.code(article, date="2021-03-01"))
    long = time.perf_counter() - t
    chars = sum(map(len, sents))
    print(json.dumps({
        "sentences": len(sents), "article_characters": len(article), "settled": a.settle,
        "one_article_s": round(long, 2), "short_documents_s": round(short, 2),
        "one_article_chars_per_s": round(len(article) / long), "short_documents_chars_per_s": round(chars / short),
        "events_one_article": n_long, "events_short_documents": n_short,
        "time_ratio_article_to_short": round(long / short, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
