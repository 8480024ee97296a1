"""An optional compiled build of eventcode: its hot modules compiled to C extensions with mypyc.

eventcode is pure Python, and that stays the default: ``pip install .`` builds a pure wheel. Setting
``EVENTCODE_COMPILE=1`` compiles the modules below with mypyc (the compiler of the mypy project, which turns
type-annotated Python into C extensions), about 1.5-2x faster coding with the same output (docs/scaling.md):

    EVENTCODE_COMPILE=1 pip install .        # a wheel with the compiled modules (needs a C compiler)
    python hatch_build.py                    # in a source checkout: build them in place, beside the sources
    python hatch_build.py --clean            # remove them again

The sources are the same either way: a compiled module is the same file, checked by mypy's own types at
run time, and a test compares its output with the pure build's on the bundled examples
(tests/test_compiled.py). ``eventcode.compiled_modules()`` tells which modules a process runs compiled.
"""

from __future__ import annotations

import os
import pathlib
import runpy
import shutil
import subprocess
import sys
import tempfile
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent
SRC = ROOT / "src"

MODULES = [name.replace(".", "/") + ".py"
           for name in runpy.run_path(str(SRC / "eventcode" / "_compiled.py"))["MODULES"]]
"""The modules compiled (the list is src/eventcode/_compiled.py's, which ``eventcode.compiled_modules()`` reads)."""

BUILD_REQUIRES = ["mypy>=1.10", "setuptools>=65", "attrs>=23.1"]
"""What compiling needs besides a C compiler (mypy reads the records' attrs types)."""

_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
setup(name="eventcode-compiled", ext_modules=mypycify(sys.argv[1:], opt_level="3", group_name="eventcode"),
      script_args=["build_ext", "--inplace"])
"""
# (mypy reads the project's settings: strict, and the untyped third-party packages it must not look into)


def _extensions(root: pathlib.Path) -> list[pathlib.Path]:
    """The compiled modules under ``root`` (C extensions: ``.so``, ``.pyd`` on Windows)."""
    return sorted([*root.rglob("*.so"), *root.rglob("*.pyd")])


def compile_into(target: pathlib.Path) -> list[pathlib.Path]:
    """Compile :data:`MODULES` from a copy of the sources in ``target`` (or in place, when it is ``src``); the
    extension files, relative to it."""
    if target.resolve() != SRC.resolve():
        shutil.copytree(SRC / "eventcode", target / "eventcode", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    subprocess.run([sys.executable, "-c", _SETUP, f"--config-file={ROOT / 'pyproject.toml'}", *MODULES], cwd=target,
                   check=True)
    shutil.rmtree(target / "build", ignore_errors=True)
    return [p.relative_to(target) for p in _extensions(target)]


def clean() -> None:
    """Remove compiled modules built in place."""
    for p in _extensions(SRC):
        p.unlink()
    shutil.rmtree(SRC / "build", ignore_errors=True)


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # run as a script, outside a build
    pass
else:

    class CompileHook(BuildHookInterface):  # type: ignore[misc,type-arg,unused-ignore]
        """Adds the compiled modules to the wheel when ``EVENTCODE_COMPILE=1`` (never to an editable install)."""

        PLUGIN_NAME = "custom"

        def _wanted(self) -> bool:
            return self.target_name == "wheel" and os.environ.get("EVENTCODE_COMPILE", "") == "1"

        def dependencies(self) -> list[str]:
            return BUILD_REQUIRES if self._wanted() else []

        def initialize(self, version: str, build_data: dict[str, Any]) -> None:
            if not self._wanted() or version == "editable":
                return
            self._work = pathlib.Path(tempfile.mkdtemp(prefix="eventcode-compile-"))
            for rel in compile_into(self._work):
                build_data["force_include"][str(self._work / rel)] = str(rel)
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

        def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
            work = getattr(self, "_work", None)
            if work is not None:  # (the wheel is written: the compiled copy is no longer needed)
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if "--clean" in sys.argv[1:]:
        clean()
    else:
        for made in compile_into(SRC):
            print(made)
