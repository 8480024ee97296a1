"""Load time and coding speed with foreign dictionaries (PETRARCH's Phoenix set, TABARI's validation set).

Usage: python benchmarks/foreign_load.py [--sentences N] [--shared PATH] [--repeat R]

Reads the dictionaries from ../shared/reference at run time (never copied into the project):

- PETRARCH: CAMEO.2.0.txt with the three Phoenix actor files, Phoenix.agents.txt and Phoenix.discards.txt;
- TABARI: the dictionaries Validate.project names.

For each it prints the time to translate the files into a lexicon, the time to compile it (together: what
``Coder.from_petrarch`` / ``Coder.from_tabari`` plus the first ``code()`` cost, measured in a fresh process
so imports count too), the entry counts, what was not translated, and the coding speed in sentences/s on news
sentences (../shared/gold, else the bundled example articles).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def news_sentences(shared: pathlib.Path, n: int) -> list[str]:
    texts: list[str] = []
    for p in (shared / "gold" / "news_pentaclass_dev.jsonl", shared / "gold" / "event_location_dev.jsonl"):
        if p.exists():
            with open(p, encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    if not texts:
        for f in sorted((ROOT / "examples" / "articles").glob("*.txt")):
            texts.extend(x.strip() for x in f.read_text(encoding="utf-8").split("\n") if x.strip())
    out: list[str] = []
    while texts and len(out) < n:
        out.extend(texts[: n - len(out)])
    return out


LOAD_SCRIPT = """
import sys, time, json
t0 = time.perf_counter()
import eventcode
from eventcode.lexicon import compile_lexicon, read_petrarch, read_tabari_project
t1 = time.perf_counter()
args = json.loads(sys.argv[1])
if args["kind"] == "petrarch":
    lex = read_petrarch(args["verbs"], args["actors"], args["agents"], args["discards"])
else:
    lex = read_tabari_project(args["project"])
t2 = time.perf_counter()
compiled = compile_lexicon(lex)
t3 = time.perf_counter()
coder = eventcode.Coder(builtin=False, lexicon=lex, require="both", dates=False, places=False)
coder._compiled = compiled
coder.code("The army attacked the rebels.", date="2014-01-01")
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "read": t2 - t1, "compile": t3 - t2, "first_code": t4 - t3,
                  "actors": len(lex.actors), "agents": len(lex.agents), "patterns": len(lex.patterns),
                  "report": lex.report.untranslated}))
"""


def load_in_fresh_process(spec: dict[str, object]) -> dict[str, object]:
    res = subprocess.run([sys.executable, "-c", LOAD_SCRIPT, json.dumps(spec)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=3, help="load measurements (the best is reported)")
    a = ap.parse_args()
    shared = pathlib.Path(a.shared)
    ref = shared / "reference"
    if not ref.is_dir():
        print(f"foreign_load: {ref} not found", file=sys.stderr)
        return 2
    d = ref / "petrarch2" / "dictionaries"
    specs = {
        "PETRARCH Phoenix + CAMEO.2.0": {
            "kind": "petrarch", "verbs": str(d / "CAMEO.2.0.txt"),
            "actors": [str(d / f"Phoenix.{x}.actors.txt") for x in ("Countries", "International", "MilNonState")],
            "agents": str(d / "Phoenix.agents.txt"), "discards": str(d / "Phoenix.discards.txt")},
        "TABARI Validate.project": {"kind": "tabari", "project": str(ref / "tabari" / "Validate.project")},
    }
    sents = news_sentences(shared, a.sentences)
    import eventcode

    for name, spec in specs.items():
        runs = [load_in_fresh_process(spec) for _ in range(max(1, a.repeat))]
        best = min(runs, key=lambda r: float(r["read"]) + float(r["compile"]))  # type: ignore[arg-type]
        load = float(best["read"]) + float(best["compile"])  # type: ignore[arg-type]
        total = load + float(best["import"]) + float(best["first_code"])  # type: ignore[arg-type]
        print(f"== {name}")
        print(f"   {best['actors']} actors, {best['agents']} agents, {best['patterns']} verb patterns")
        print(f"   read {float(best['read']):.2f} s + compile {float(best['compile']):.2f} s = {load:.2f} s "  # type: ignore[arg-type]
              f"(with import and first code(): {total:.2f} s; best of {len(runs)})")
        for kind, n in dict(best["report"]).items():  # type: ignore[call-overload]
            print(f"   not translated: {kind}: {n}")
        if spec["kind"] == "petrarch":
            coder = eventcode.Coder.from_petrarch(spec["verbs"], spec["actors"], spec["agents"],  # type: ignore[arg-type]
                                                  spec["discards"])  # type: ignore[arg-type]
        else:
            coder = eventcode.Coder.from_tabari(spec["project"])  # type: ignore[arg-type]
        coder.code("warm up.", date="2014-01-01")
        t = time.perf_counter()
        n_ev = sum(len(coder.code(s, date="2014-01-01")) for s in sents)
        took = time.perf_counter() - t
        print(f"   coding: {len(sents)} news sentences in {took:.2f} s = {len(sents) / took:,.0f} sentences/s, "
              f"{n_ev} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
