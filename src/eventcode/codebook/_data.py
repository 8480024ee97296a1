"""Reading the codebook's TSV files from package data."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of ``eventcode/data/codebook/NAME`` as dicts (``#`` comments skipped, first row the header)."""
    text = (resources.files("eventcode") / "data" / "codebook" / name).read_text(encoding="utf-8")
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
