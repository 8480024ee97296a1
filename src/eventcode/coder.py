"""The Coder: wires text -> sentences -> tokens -> mentions -> events, built once and reused.

A :class:`Coder` holds its configuration and, once first used, its compiled dictionaries. It is safe to share
between threads (the compiled tables are read-only after a locked build) and it pickles small: the compiled
tables are dropped and rebuilt on first use after unpickling, so a coder travels cheaply to Dask or Spark
workers and builds once per worker.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from eventcode.grammar import Explanation, code_sentences, explain_sentences
from eventcode.lexicon import CodingOptions, CompiledLexicon, Lexicon, compile_lexicon, load_builtin, load_files
from eventcode.records import Event, to_date

__all__ = ["Coder", "Require"]

Require = Literal["none", "material", "either", "source", "both"]


@attrs.define(eq=False)
class Coder:
    """A configurable event coder.

    Attributes:
        dictionaries: extra native dictionary files or folders (``*.actors``, ``*.agents``, ``*.verbs``,
            ``*.classes``, ``*.discards``), loaded after the built-in set so that their entries win.
        builtin: whether to load the built-in dictionaries (``False`` to use only your own).
        require: which actors an event must have to be kept: ``"none"`` (every matched verb phrase, actors
            uncoded where the words name no known actor), ``"material"`` (the default: a coded source or a coded
            target, or, with neither identified, a material event, CAMEO roots 06-08 and 14-20, such as
            "two men were shot dead in Legaspi City", which conflict counts need even when the perpetrator
            is unknown), ``"either"`` (a coded source or a coded target), ``"source"``, or ``"both"``
            (classic dyadic event data, as TABARI and PETRARCH output).
        dates: attach dates found in the sentence (else the publication date).
        places: find places and attach the event's location.
        lexicon: a ready :class:`~eventcode.lexicon.Lexicon` (as built by the TABARI/PETRARCH readers).
        options: settings of the ``classic`` grammar that replace the lexicon's own (TABARI's ``.options``);
            ignored by the native grammar.
    """

    dictionaries: Sequence[str | Path] = attrs.field(default=(), converter=tuple)
    builtin: bool = True
    require: Require = attrs.field(default="material")
    dates: bool = True
    places: bool = True
    lexicon: Lexicon | None = None
    options: CodingOptions | None = None
    _compiled: CompiledLexicon | None = attrs.field(default=None, init=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False)

    @require.validator
    def _check_require(self, _attr: Any, value: str) -> None:
        if value not in ("none", "material", "either", "source", "both"):
            raise ValueError(f"require must be 'none', 'material', 'either', 'source' or 'both', not {value!r}")

    # -- building ---------------------------------------------------------------------------------------
    def build_lexicon(self) -> Lexicon:
        """The uncompiled lexicon this coder uses (built-ins, then the given lexicon, then files)."""
        lex = Lexicon(codebook=self.lexicon.codebook if self.lexicon is not None else "CAMEO")
        if self.builtin:
            load_builtin(lex)
        if self.lexicon is not None:
            lex.extend(self.lexicon)
        if self.dictionaries:
            load_files(self.dictionaries, lex)
        return lex

    @property
    def compiled(self) -> CompiledLexicon:
        """The compiled dictionaries (built on first use, once)."""
        c = self._compiled
        if c is None:
            with self._lock:
                c = self._compiled
                if c is None:
                    c = compile_lexicon(self.build_lexicon())
                    self._compiled = c
        return c

    def __getstate__(self) -> dict[str, Any]:
        return {
            "dictionaries": self.dictionaries,
            "builtin": self.builtin,
            "require": self.require,
            "dates": self.dates,
            "places": self.places,
            "lexicon": self.lexicon,
            "options": self.options,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @classmethod
    def from_tabari(cls, project_file: str | Path, *, require: Require = "both") -> Coder:
        """A coder on the TABARI dictionaries and options a ``.project`` file names (classic grammar).

        ``require="both"`` codes dyadic events as TABARI does. ``coder.lexicon.report`` lists what could not
        be translated.
        """
        from eventcode.lexicon import read_tabari_project

        lex = read_tabari_project(project_file)
        return cls(builtin=False, lexicon=lex, require=require, dates=False, places=False)

    @classmethod
    def from_petrarch(cls, verbs: str | Path, actors: Sequence[str | Path] = (), agents: str | Path | None = None,
                      discards: str | Path | None = None, *, require: Require = "both") -> Coder:
        """A coder on PETRARCH dictionary files (classic grammar): verbs, actor files, agents, discards.

        The verb file may be in PETRARCH-1 or PETRARCH-2 format (detected). ``coder.lexicon.report`` lists
        what could not be translated.
        """
        from eventcode.lexicon import read_petrarch

        lex = read_petrarch(verbs, list(actors), agents, discards)
        return cls(builtin=False, lexicon=lex, require=require, dates=False, places=False)

    # -- coding -----------------------------------------------------------------------------------------
    def code(
        self, text: str, *, date: dt.date | dt.datetime | str | None = None, doc_id: str | None = None
    ) -> list[Event]:
        """Events in ``text`` (a sentence, a headline or a whole article), in text order.

        ``date`` is the publication date: it resolves relative dates and date-restricted actor roles, and
        dates events that name no date of their own.
        """
        if not isinstance(text, str):
            from eventcode.errors import InputError

            raise InputError(f"text must be a str, not {type(text).__name__}", field="text")
        return code_sentences(self, text, to_date(date), doc_id)

    def code_many(self, texts: Iterable[str], *, date: dt.date | dt.datetime | str | None = None) -> list[Event]:
        """Events of several texts in turn, each coded as its own document."""
        out: list[Event] = []
        for t in texts:
            out.extend(self.code(t, date=date))
        return out

    def explain(self, text: str, *, date: dt.date | dt.datetime | str | None = None) -> Explanation:
        """Why each event in ``text`` was or was not coded, step by step."""
        return explain_sentences(self, text, to_date(date))
