"""From events to answers: counts (and, with extras, plots)."""

from eventcode.analysis.counts import CountRow, CountTable, counts, one_a_day

__all__ = ["CountRow", "CountTable", "counts", "one_a_day"]
