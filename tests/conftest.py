"""Shared fixtures."""

from __future__ import annotations

import pathlib

import pytest

import eventcode

HERE = pathlib.Path(__file__).parent
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def mini_coder() -> eventcode.Coder:
    """A coder on the tiny test dictionaries only (grammar tests independent of the built-in data)."""
    return eventcode.Coder([HERE / "data" / "mini"], builtin=False, require="none", dates=False, places=False)


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    """../shared beside the project; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
