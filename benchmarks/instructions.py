"""Instructions per sentence, counted by valgrind: a speed comparison that does not depend on the machine's load.

Usage: python benchmarks/instructions.py [--src SRC_DIR] [--sentences N] [--warmup W]

Wall-clock rates on a shared or throttled machine can vary 2x between identical runs. This script runs, under
``valgrind --tool=callgrind`` (which must be installed), a fresh process that builds a coder, codes ``--warmup``
sentences of the news corpus (as in ``throughput.py``) and then ``--sentences`` new ones, and the same process
without the new ones; the difference is what the new sentences cost, in instructions. Use ``--src`` to measure
another checkout's ``src`` directory (for example a worktree of an older commit) with the same corpus.
Under valgrind a run takes a minute or two. The garbage collector is off in both runs: where a full collection
lands (a few hundred million instructions) depends on how many objects a version allocates, and it would land
in one run and not the other; its cost is measured by ``throughput.py`` (with and without ``--settle``).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys

_HERE = pathlib.Path(__file__).resolve().parent

_CHILD = """
import gc, sys
gc.disable()  # a full collection lands in one run and not the other: it would blur the difference
src, n, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if src:
    sys.path.insert(0, src)
sys.path.insert(0, {here!r})
import eventcode
from throughput import load_sentences
coder = eventcode.Coder()
for s in load_sentences(warmup, None, skip=6000):
    coder.code(s, date="2021-03-01")
for s in load_sentences(n, None) if n else []:
    coder.code(s, date="2021-03-01")
"""


def _count(src: str, n: int, warmup: int) -> int:
    """Instructions of one child run under callgrind."""
    out = f"/tmp/eventcode-callgrind.{os.getpid()}.{n}"
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
           _CHILD.format(here=str(_HERE)), src, str(n), str(warmup)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    os.unlink(out)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if m is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{res.stderr[-2000:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="", help="a src directory to import eventcode from (default: installed)")
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=3000)
    a = ap.parse_args()
    # prime the per-user cache of data tables (eventcode/_cache.py) for this src, outside valgrind: a checkout
    # measured for the first time would otherwise pay for writing it in the first run only, and the difference
    # would come out too small (seen: 0.71 M instead of 1.65 M per sentence)
    subprocess.run([sys.executable, "-c", _CHILD.format(here=str(_HERE)), a.src, "0", "1"], check=True,
                   env={**os.environ, "PYTHONHASHSEED": "0"})
    base = _count(a.src, 0, a.warmup)
    full = _count(a.src, a.sentences, a.warmup)
    print(json.dumps({
        "src": a.src or "installed", "warmup": a.warmup, "sentences": a.sentences,
        "instructions_startup_and_warmup": base,
        "instructions_per_sentence": round((full - base) / a.sentences),
    }, indent=2))


if __name__ == "__main__":
    main()
