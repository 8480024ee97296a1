"""The optional compiled build (mypyc): which modules it covers, and that it codes exactly as the pure build.

The comparison runs only where the compiled modules are present (``python hatch_build.py`` in a checkout, or a
wheel built with ``EVENTCODE_COMPILE=1``); CI builds them and runs the whole suite a second time.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import pathlib
import runpy
import shutil
import subprocess
import sys

import pytest

import eventcode
from eventcode._compiled import MODULES

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)

_CODE_ALL = """
import json, sys
import eventcode
assert not eventcode.compiled_modules(), eventcode.compiled_modules()
texts = json.load(sys.stdin)
print(json.dumps([[e.to_dict() for e in eventcode.code(t, date="2021-03-03")] for t in texts]))
"""


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    gold = ROOT.parent / "shared" / "gold" / "news_pentaclass_dev.jsonl"
    if gold.exists():  # (measuring only: the sentences are not kept)
        with open(gold, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(1500), fh, strict=False)]
    return texts


def test_compiled_modules_are_the_ones_loaded_from_extensions() -> None:
    """compiled_modules() names exactly the listed modules whose file is a C extension."""
    got = eventcode.compiled_modules()
    assert got == sorted(got)
    for name in MODULES:
        is_extension = str(importlib.import_module(name).__file__).endswith(SUFFIXES)
        assert (name in got) == is_extension, name


def test_build_script_compiles_the_listed_modules() -> None:
    """hatch_build.py compiles the modules eventcode._compiled lists, and each is a source file of the package."""
    script = ROOT / "hatch_build.py"
    if not script.exists():
        pytest.skip("not a source checkout")
    paths = runpy.run_path(str(script))["MODULES"]
    assert paths == [name.replace(".", "/") + ".py" for name in MODULES]
    for rel in paths:
        assert (ROOT / "src" / rel).is_file(), rel


@pytest.mark.slow
def test_compiled_build_codes_as_the_pure_build(tmp_path: pathlib.Path) -> None:
    """Where the modules run compiled, every event on the bundled articles (and dev sentences) equals the pure
    build's, field for field."""
    if not eventcode.compiled_modules():
        pytest.skip("the pure-Python build is running (no compiled modules)")
    pure = tmp_path / "pure"
    source = pathlib.Path(eventcode.__file__).parent
    shutil.copytree(source, pure / "eventcode", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": str(pure)}
    res = subprocess.run([sys.executable, "-c", _CODE_ALL], input=json.dumps(texts), capture_output=True, text=True,
                         env=env, check=True)
    expected = json.loads(res.stdout)
    got = [[e.to_dict() for e in eventcode.code(t, date="2021-03-03")] for t in texts]
    differ = [k for k, (a, b) in enumerate(zip(expected, json.loads(json.dumps(got)), strict=True)) if a != b]
    assert not differ, f"{len(differ)} of {len(texts)} texts code differently, first: {texts[differ[0]][:200]!r}"
