"""Throughput, start-up time and memory of eventcode, against a tokenize-only floor.

Usage: python benchmarks/throughput.py [--sentences N] [--jobs J] [--corpus PATH.jsonl] [--warmup W]

The corpus is news sentences: by default the development news sentences in ../shared/gold (measuring only,
never copied), else the bundled example articles repeated. It prints sentences/s and events/s for
``Coder.code`` with the built-in dictionaries (dates and places included), the start-up time (import plus the
first ``code()`` call, measured in a fresh process), peak resident memory, and the floor: the same text split
by one regular expression, so the ratio shows how close to that limit the coder runs.

With ``--settle`` the steady run follows :func:`eventcode.batch.settle` (the coder's tables frozen out of the
garbage collector, as the command line and the batch workers do).

Two rates: ``cold_sentences_per_s`` is a new coder's first pass, in a fresh process (it compiles each verb's
patterns and reads gazetteer records the first time a word needs them); ``sentences_per_s`` is the steady state
of a long run, measured after the coder has coded ``--warmup`` other sentences of the corpus.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import resource
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def load_sentences(n: int, corpus: str | None, skip: int = 0) -> list[str]:
    """``n`` sentences of the corpus from position ``skip`` on (repeated from the start if it runs out)."""
    texts: list[str] = []
    paths = [pathlib.Path(corpus)] if corpus else [SHARED / "gold" / "news_pentaclass_dev.jsonl",
                                                   SHARED / "gold" / "event_location_dev.jsonl"]
    for p in paths:
        if p.exists():
            with open(p, encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh)
    if not texts:
        for f in sorted((ROOT / "examples" / "articles").glob("*.txt")):
            texts.extend(x.strip() for x in f.read_text(encoding="utf-8").split("\n") if x.strip())
    texts = texts[skip:] + texts[:skip]
    out: list[str] = []
    while len(out) < n:
        out.extend(texts[: n - len(out)])
    return out


def startup() -> float:
    code = ("import time; t=time.perf_counter(); import eventcode; eventcode.code('Germany invaded France.', "
            "date='2021-01-01'); print(time.perf_counter()-t)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(res.stdout.strip())


def cold_pass(a: argparse.Namespace) -> float:
    """Seconds a new coder in a fresh process takes for the sentences (its first ``code()`` call excluded)."""
    args = [sys.executable, __file__, "--cold-only", "--sentences", str(a.sentences), "--jobs", str(a.jobs)]
    if a.corpus:
        args += ["--corpus", a.corpus]
    res = subprocess.run(args, capture_output=True, text=True, check=True)
    return float(res.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--corpus")
    ap.add_argument("--warmup", type=int, default=3000,
                    help="sentences coded first (other sentences of the corpus) for the steady-state figure")
    ap.add_argument("--settle", action="store_true",
                    help="call eventcode.batch.settle() (gc.freeze) before the steady-state run, as the command "
                    "line and the batch workers do")
    ap.add_argument("--cold-only", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    sents = load_sentences(a.sentences, a.corpus)
    warm = load_sentences(a.warmup, a.corpus, skip=a.sentences)
    chars = sum(map(len, sents))

    floor_re = re.compile(r"\w+|[^\w\s]")
    t = time.perf_counter()
    n_tok = sum(len(floor_re.findall(s)) for s in sents)
    floor = time.perf_counter() - t

    start = startup() if not a.cold_only else 0.0
    import eventcode

    def run(coder: eventcode.Coder, texts: list[str]) -> tuple[float, int]:
        t = time.perf_counter()
        n_ev = 0
        if a.jobs == 1:
            for s in texts:
                n_ev += len(coder.code(s, date="2021-03-01"))
        else:
            docs = ({"id": str(i), "text": s, "date": "2021-03-01"} for i, s in enumerate(texts))
            for r in eventcode.code_documents(docs, coder=coder, jobs=a.jobs, chunk_size=256):
                n_ev += len(r.events)
        return time.perf_counter() - t, n_ev

    if a.cold_only:
        cold_coder = eventcode.Coder()
        cold_coder.code("Germany invaded France.", date="2021-01-01")
        print(run(cold_coder, sents)[0])
        return
    # Cold: a new coder's first pass (verb patterns are compiled, gazetteer records read, as words first occur),
    # in a fresh process, so that what it reads is not already in this process's caches for the steady run.
    cold = cold_pass(a)
    # Steady state, as in a long run: the coder has already coded other sentences of the same kind.
    coder = eventcode.Coder()
    for s in warm:
        coder.code(s, date="2021-03-01")
    if a.settle:
        from eventcode.batch import settle

        settle(coder)
    took, n_ev = run(coder, sents)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "sentences": len(sents), "characters": chars, "tokens": n_tok, "jobs": a.jobs, "warmup": len(warm),
        "settled": a.settle, "compiled_modules": len(eventcode.compiled_modules()),
        "sentences_per_s": round(len(sents) / took), "events_per_s": round(n_ev / took),
        "events_per_sentence": round(n_ev / len(sents), 2),
        "cold_sentences_per_s": round(len(sents) / cold),
        "floor_sentences_per_s": round(len(sents) / floor), "ratio_to_floor": round(took / floor, 1),
        "startup_s": round(start, 3), "peak_rss_mb": round(peak_mb),
    }, indent=2))


if __name__ == "__main__":
    main()
