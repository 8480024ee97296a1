"""From events to answers: counts (and, with extras, plots)."""

from eventcode.analysis.counts import CountRow, CountTable, counts, one_a_day
from eventcode.analysis.evaluate import Evaluation, GoldRecord, evaluate, read_gold

__all__ = ["CountRow", "CountTable", "Evaluation", "GoldRecord", "counts", "evaluate", "one_a_day", "read_gold"]
