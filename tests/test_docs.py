"""Every Python code block in the docs and the README runs, and the docs site builds with warnings as errors."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks(path: pathlib.Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [p for p in DOCS if _blocks(p)], ids=lambda p: p.name)
def test_code_blocks_run(path: pathlib.Path) -> None:
    """The Python blocks of one page run in order in one namespace."""
    pytest.importorskip("dask") if "dask" in path.read_text() else None
    namespace: dict[str, object] = {"__name__": f"docs_{path.stem}"}
    for block in _blocks(path):
        exec(compile(block, str(path), "exec"), namespace)


@pytest.mark.slow
def test_docs_build_strict(tmp_path: pathlib.Path) -> None:
    """mkdocs builds the site with warnings as errors."""
    if shutil.which("mkdocs") is None and not (pathlib.Path(sys.executable).parent / "mkdocs").exists():
        pytest.skip("mkdocs is not installed (docs extra)")
    exe = shutil.which("mkdocs") or str(pathlib.Path(sys.executable).parent / "mkdocs")
    res = subprocess.run([exe, "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-3000:]
