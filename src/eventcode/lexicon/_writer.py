"""Writing a lexicon out in eventcode's native format (``eventcode convert``).

:func:`write_native` writes one file per kind into a folder; :func:`~eventcode.lexicon.load_files` reads the
folder back into an equivalent lexicon (same entries, same order, same settings; only the ``file:line``
sources and the actors' display names change). What a reader could not translate is listed as comments at
the top of ``lexicon.settings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from eventcode.errors import DictionaryError
from eventcode.lexicon._model import CodingOptions, Element, Lexicon, PatternEntry
from eventcode.lexicon._native import code_out

__all__ = ["write_native"]

_SPECIAL_PIECES = frozenset(["+", "$", "*", "...", "^", "%"])


def _check(text: str, what: str) -> str:
    if any(ch in text for ch in "#;\n") or not text.strip():
        raise DictionaryError(f"cannot write {what} {text!r} in the native format (# ; or a line break)")
    return text


def _tok(tok: str) -> str:
    """One pattern token as a piece (braces keep special-looking tokens literal)."""
    if tok in _SPECIAL_PIECES or tok[:1] in "%({[=+$^@" or any(ch in tok for ch in "{}()[]|@"):
        return "{" + tok + "}"
    return tok


def _alts(alts: tuple[tuple[str, ...], ...]) -> str:
    return "|".join(" ".join(a) for a in alts)


def _element(el: Element) -> str:
    if el.kind == "lit":
        if len(el.alternatives) == 1 and len(el.alternatives[0]) == 1:
            return _tok(el.alternatives[0][0])
        return "{" + _alts(el.alternatives) + "}"
    if el.kind == "opt":
        return "(" + _alts(el.alternatives) + ")"
    if el.kind == "class":
        return "%" + el.name
    if el.kind == "target" and el.name == "!":
        return "+!"
    return {"target": "+", "source": "$", "gap": "*", "any": "...", "skip": "^", "compound": "%"}[el.kind]


def pattern_line(p: PatternEntry) -> str:
    """A pattern as one native pattern line (without its section)."""
    head_words = (p.head, *p.head_rest)
    head = ("=" if p.noun_head else "") + " ".join(head_words)
    marked = bool(p.before) or bool(p.head_rest) or head.startswith(("{", "(", "%"))
    pieces = [_element(e) for e in p.before]
    pieces.append(f"[{head}]" if marked else head)
    pieces.extend(_element(e) for e in p.after)
    flags = [f for f, on in (("sym", p.symmetric), ("weak", p.weak), ("dominant", p.dominant)) if on]
    return " ".join(pieces) + "".join(f" @{f}" for f in flags)


def _section(p: PatternEntry) -> str:
    code = code_out(p.code)
    if p.reverse_code is not None:
        return f"{code}:{code_out(p.reverse_code)}"
    return code


def _write(folder: Path, name: str, lines: Iterable[str]) -> Path | None:
    body = list(lines)
    if not body:
        return None
    path = folder / name
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def _option_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if value is None:
        return "none"
    return str(value)


def write_native(lexicon: Lexicon, folder: str | Path) -> list[Path]:
    """Write ``lexicon`` as native dictionary files into ``folder`` (created if needed); the files written.

    The folder then loads with ``Coder(dictionaries=[folder], builtin=False)`` or
    :func:`~eventcode.lexicon.load_files`.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path | None] = []

    settings = ["# eventcode native dictionaries (written by eventcode convert)"]
    for kind, n in lexicon.report.untranslated.items():
        settings.append(f"# untranslated: {kind}: {n}")
        for ex in lexicon.report.examples.get(kind, []):
            settings.append(f"#     {ex}".replace("\n", " "))
    settings.append(f"grammar = {lexicon.grammar}")
    settings.append(f"codebook = {lexicon.codebook if lexicon.codebook is not None else 'none'}")
    for f in attrs.fields(CodingOptions):
        settings.append(f"{f.name} = {_option_text(getattr(lexicon.options, f.name))}")
    written.append(_write(out, "lexicon.settings", settings))

    actors: list[str] = []
    for a in lexicon.actors:
        names = "; ".join(_check(ph, "actor phrase") for ph in a.phrases)
        actors.append(names + (" @group" if getattr(a, "group", False) else ""))
        for r in a.roles:
            span = f"{r.start.isoformat() if r.start else ''}..{r.end.isoformat() if r.end else ''}"
            actors.append(f"    {code_out(r.code)} {span}")
        if a.default is not None:
            actors.append(f"    {code_out(a.default)}")
    written.append(_write(out, "actors.actors", actors))

    agents: list[str] = []
    groups: dict[tuple[str, bool], list[str]] = {}
    for g in lexicon.agents:
        groups.setdefault((g.code, g.prefix), []).append(_check(g.phrase, "agent phrase"))
    for (code, prefix), phrases in groups.items():
        agents.append("; ".join(phrases))
        agents.append(f"    {code}{'~' if prefix else ''}")
    written.append(_write(out, "agents.agents", agents))

    verbs: list[str] = []
    section: str | None = None
    for p in lexicon.patterns:
        sec = _section(p)
        if sec != section:
            verbs.append(f"== {sec}")
            section = sec
        verbs.append(pattern_line(p) + f"    # {p.source}")
    written.append(_write(out, "verbs.verbs", verbs))

    written.append(_write(out, "classes.classes", (
        f"%{name} = " + "; ".join(_check(w, "class word") for w in words)
        for name, words in lexicon.classes.items() if words)))

    forms: list[str] = []
    if lexicon.irregular:
        forms.append("== irregular")
        forms.extend(f"{lemma} {'/'.join(past)} {'/'.join(part)}" for lemma, (past, part) in lexicon.irregular.items())
    if lexicon.doubling:
        forms.append("== doubling")
        forms.append(" ".join(sorted(lexicon.doubling)))
    if lexicon.verb_forms:
        forms.append("== forms")
        forms.extend(f"{head} {' '.join(fs)}" for head, fs in lexicon.verb_forms.items())
    written.append(_write(out, "forms.irregular", forms))

    written.append(_write(out, "discards.discards", (_check(d, "discard") for d in lexicon.discards)))
    written.append(_write(out, "nouns.nouns", (_check(w, "noun") for w in lexicon.nouns)))
    written.append(_write(out, "adjectives.adjectives", (_check(w, "adjective") for w in lexicon.adjectives)))
    written.append(_write(out, "times.times", (
        f"{_check(t.phrase, 'time phrase')} = "
        + ({"---": "NULL", "###": "DISCARD", "+++": "COMPLEX"}[t.code] if t.code else f"{t.days:+d}")
        for t in lexicon.time_shifts)))
    return [p for p in written if p is not None]
