"""Reader for PETRARCH dictionaries: verbs (PETRARCH-1 and PETRARCH-2 formats), actors, agents, discards.

Everything is translated into eventcode's dictionary model with ``codebook=None`` and the ``classic``
grammar (PETRARCH's options: comma-clause lengths 2-8, complete words only). PETRARCH reads parse trees;
eventcode does not, so the tree-based parts of the PETRARCH-2 pattern language are approximated and
reported (``{...}`` noun phrases and ``(...)`` prepositional phrases become their words in order, other
words allowed between them). Verb transformations (``~`` lines) are not translated and are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from eventcode.errors import DictionaryError
from eventcode.lexicon._foreign import (
    PatternSyntaxError,
    class_name,
    fast_phrase,
    items_to_elements,
    parse_code,
    parse_roles,
    phrase_string,
    scan_items,
    word_tokens,
)
from eventcode.lexicon._model import (
    ActorEntry,
    AgentEntry,
    CodingOptions,
    Element,
    Lexicon,
    PatternEntry,
    Role,
)

__all__ = [
    "petrarch_lexicon",
    "read_petrarch",
    "read_petrarch_actors",
    "read_petrarch_agents",
    "read_petrarch_discards",
    "read_petrarch_verbs",
]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_text(encoding="latin-1")
    except OSError as exc:
        raise DictionaryError(f"cannot read: {exc.strerror}", str(path)) from None


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Content lines: ``#`` comments (at the start, or after a blank) and ``<!-- -->`` comments removed."""
    in_comment = False
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" in line:
                line = line[line.index("-->") + 3 :]
                in_comment = False
            else:
                continue
        while "<!" in line:
            k = line.index("<!")
            if "-->" in line[k:] or ">" in line[k:]:
                end = line.find("-->", k)
                end = end + 3 if end >= 0 else line.index(">", k) + 1
                line = line[:k] + line[end:]
            else:
                line = line[:k]
                in_comment = True
                break
        if line.lstrip().startswith("#"):
            continue
        if "#" in line:
            line = line[: line.index("#")]
        if line.strip():
            yield no, line.rstrip()


def petrarch_lexicon() -> Lexicon:
    """An empty lexicon set up as PETRARCH codes: no codebook, classic grammar, PETRARCH's defaults."""
    lex = Lexicon(codebook=None)
    lex.grammar = "classic"
    lex.options = CodingOptions(comma_min=2, comma_max=8, comma_bmin=0, comma_bmax=0, comma_emin=2, comma_emax=8,
                                stems=False, agents_alone="dashes", min_words=0,
                                agent_links=("in", "of", "from"), agent_phrase=True, agent_distribute=True,
                                special_codes=False, skip_words=True, clause_split="verbs", modal_verbs=False,
                                compound_modifiers="any", compound_absorb=False, compound_slot="position")
    return lex


def _phrase(text: str) -> str:
    t = text.replace("-", "_")
    return fast_phrase(t, False) or phrase_string(scan_items(t, stems=False))


# ---------------------------------------------------------------------------------------------- actors


def read_petrarch_actors(text: str, path: str, lex: Lexicon) -> None:
    """A PETRARCH actor file: names, ``+`` synonyms, ``[CODE]`` and dated ``[CODE <20080120]`` codes."""
    names: list[tuple[str, int]] = []
    code_text = ""
    first = 0

    def flush() -> None:
        nonlocal names, code_text
        if not names:
            return
        where = f"{path}:{first}"
        parsed = parse_roles(code_text, lex.report, where) if code_text.strip() else None
        if parsed is None:
            lex.report.add("actor without a code", f"{where}: {names[0][0]}")
            names, code_text = [], ""
            return
        roles, default = parsed
        if not roles and default is None:
            lex.report.add("actor without a usable code", f"{where}: {names[0][0]}")
            names, code_text = [], ""
            return
        phrases: list[str] = []
        for raw, no in names:
            try:
                phrases.append(_phrase(raw))
            except PatternSyntaxError as exc:
                lex.report.add("unreadable actor phrase", f"{path}:{no}: {raw} ({exc})")
        if phrases:
            lex.actors.append(ActorEntry(
                name=names[0][0].replace("_", " ").strip(),
                phrases=tuple(dict.fromkeys(phrases)),
                roles=tuple(Role(c, s, e) for c, s, e in roles),
                default=default,
                source=where,
            ))
        names, code_text = [], ""

    for no, line in _lines(text):
        st = line.strip()
        if st.startswith("["):
            if not names:
                lex.report.add("code line without an actor", f"{path}:{no}: {st}")
                continue
            code_text += " " + st
            continue
        if st.startswith("+"):
            if not names:
                lex.report.add("synonym without an actor", f"{path}:{no}: {st}")
                continue
            name, _, codes = st[1:].partition("[")
            names.append((name.strip(), no))
            if codes:
                code_text += " [" + codes
            continue
        flush()
        first = no
        name, _, codes = st.partition("[")
        names = [(name.strip(), no)]
        code_text = ("[" + codes) if codes else ""
    flush()


# ---------------------------------------------------------------------------------------------- agents


def _petr_plural(phrase: str) -> str:
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def read_petrarch_agents(text: str, path: str, lex: Lexicon) -> None:
    """A PETRARCH agents file: ``PHRASE {plural} [~CODE]``, ``!MARKER! = A, B`` substitution sets."""
    markers: dict[str, list[str]] = {}
    for no, line in _lines(text):
        st = line.strip()
        m = re.match(r"^!([A-Z0-9_]+)!\s*=\s*(.*)$", st, re.I)
        if m:
            markers[m.group(1).upper()] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        if "[" not in st:
            lex.report.add("agent without a code", f"{path}:{no}: {st}")
            continue
        name, _, rest = st.partition("[")
        code = rest.split("]", 1)[0].replace(" ", "").upper()
        if "~" not in code:
            lex.report.add("agent without a ~ code", f"{path}:{no}: {st}")
            continue
        prefix = code.endswith("~")
        code = code.strip("~")
        plural: str | None = None
        if "{" in name:
            plural = name[name.index("{") + 1 : name.index("}")].strip() if "}" in name else ""
            name = name[: name.index("{")]
        name = name.strip()
        forms: list[str] = []
        mk = re.search(r"!([A-Z0-9_]+)!", name, re.I)
        if mk:
            subs = markers.get(mk.group(1).upper())
            if subs is None:
                lex.report.add("undefined substitution marker", f"{path}:{no}: {st}")
                continue
            forms = [name[: mk.start()] + s + name[mk.end() :] for s in subs]
        else:
            forms = [name]
            if plural is None:
                forms.append(_petr_plural(name))
            elif plural:
                forms.append(plural)
        for f in forms:
            try:
                lex.agents.append(AgentEntry(_phrase(f), code, f"{path}:{no}", prefix=prefix))
            except PatternSyntaxError as exc:
                lex.report.add("unreadable agent phrase", f"{path}:{no}: {f} ({exc})")


# ---------------------------------------------------------------------------------------------- discards


def read_petrarch_discards(text: str, path: str, lex: Lexicon) -> None:
    """A PETRARCH discard file: phrases (stems unless they end in ``_``); ``+`` marks story-level discards."""
    for no, line in _lines(text):
        st = line.strip()
        if st.startswith("+"):
            lex.report.add("story-level discard applied to the sentence", f"{path}:{no}: {st}")
            st = st[1:].strip()
        closed = st.endswith("_")
        try:
            ph = _phrase(st)
        except PatternSyntaxError as exc:
            lex.report.add("unreadable discard", f"{path}:{no}: {st} ({exc})")
            continue
        if not closed:
            ph += "*"  # the last word is a stem unless the phrase ends with _
        # discards are consecutive words: no gaps
        lex.discards.append(ph.replace(" ... ", " "))


# ---------------------------------------------------------------------------------------------- verbs


def _regular_forms(verb: str) -> list[str]:
    v = verb.lower()
    forms = [v]
    if v.endswith(("s", "x", "z")):
        forms.append(v + "es")
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        forms.append(v[:-1] + "ies")
    else:
        forms.append(v + "s")
    forms.append(v + "d" if v.endswith("e") else v + "ed")
    forms.append(v[:-1] + "ing" if v.endswith("e") and len(v) > 2 and v[-2] not in "aeiou" else v + "ing")
    return forms


class _Verb:
    def __init__(self, head: str, before: list[Element], after: list[Element], code: str | None, line: str,
                 where: str) -> None:
        self.head = head
        self.before = before
        self.after = after
        self.code = code
        self.line = line
        self.where = where


def _split_multiword(word: str) -> tuple[list[str], str, list[str]] | None:
    """``RE_+ARREST`` -> (["re"], "arrest", []); ``+BRING_OUT`` -> ([], "bring", ["out"])."""
    parts = [p for p in word.split("_") if p]
    idx = [k for k, p in enumerate(parts) if p.startswith("+")]
    if len(idx) != 1:
        return None
    k = idx[0]
    return parts[:k], parts[k][1:], parts[k + 1 :]


def _word_elements(words: Sequence[str]) -> list[Element]:
    out: list[Element] = []
    for w in words:
        toks = word_tokens(w, False)
        if toks:
            out.append(Element("lit", (toks,)))
    return out


_PETR2 = re.compile(r"[{(]")


def _petr2_items(body: str) -> str:
    """PETRARCH-2 phrase syntax to PETRARCH-1: ``{A B}`` and ``(P N)`` become their words with gaps."""
    return body.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ")


def read_petrarch_verbs(text: str, path: str, lex: Lexicon, *, fmt: str = "auto") -> None:
    """A PETRARCH verb dictionary (``fmt``: ``petr1``, ``petr2`` or ``auto``, detected from the patterns)."""
    lines = list(_lines(text))
    if fmt == "auto":
        pats = [ln for _, ln in lines if ln.lstrip().startswith("- ")]
        tree = sum(1 for ln in pats if _PETR2.search(ln.split("[", 1)[0]))
        fmt = "petr2" if pats and tree > 0.05 * len(pats) else "petr1"
    synsets: dict[str, bool] = {}  # name -> plurals wanted
    current_syn: str | None = None
    block_code = "---"
    verbs: list[_Verb] = []
    patterns: list[tuple[str, str, int]] = []
    seen: set[str] = set()

    def flush_block() -> None:
        nonlocal verbs, patterns
        _emit_block(verbs, patterns, path, lex, set(synsets), fmt)
        verbs, patterns = [], []

    for no, line in lines:
        st = line.strip()
        if st.startswith("~"):
            lex.report.add("verb transformation (not translated)", f"{path}:{no}: {st}")
            continue
        if st.startswith("---"):
            flush_block()
            m = re.search(r"\[([^\]]*)\]", st)
            block_code = m.group(1).strip() if m and m.group(1).strip() else "---"
            current_syn = None
            continue
        if st.startswith("&"):
            name = st.split()[0]
            plural = not name.endswith("_")
            name = name.rstrip("_")
            synsets[name] = plural
            lex.classes.setdefault(class_name(name), [])
            current_syn = name
            continue
        if st.startswith("+") and current_syn is not None:
            member = st[1:].strip()
            words = member.replace("_", " ").split()
            if not words:
                continue
            cls = lex.classes.setdefault(class_name(current_syn), [])
            if len(words) == 1 and words[0].startswith("&") and words[0].rstrip("_") in synsets:
                cls.extend(lex.classes.get(class_name(words[0].rstrip("_")), []))
                continue
            toks = [t for w in words for t in word_tokens(w, False)]
            if any(w.startswith("&") for w in words):
                lex.report.add("synset inside a synset phrase (not translated)", f"{path}:{no}: {st}")
                continue
            cls.append(" ".join(toks))
            if synsets[current_syn] and not member.endswith("_"):
                plural_last = _petr_plural(words[-1].upper()).lower()
                cls.append(" ".join(toks[:-1] + list(word_tokens(plural_last, False))))
            continue
        current_syn = None
        if st.startswith("-"):
            body, _, code_part = st[1:].partition("[")
            patterns.append((body, code_part.split("]", 1)[0], no))
            continue
        # a verb line
        m = re.match(r"^([^\s{\[]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", st)
        if not m:
            lex.report.add("unreadable verb line", f"{path}:{no}: {st}")
            continue
        word, forms_part, code_part2 = m.group(1), m.group(2), m.group(3)
        code = code_part2.strip("[]").strip() if code_part2 else block_code
        where = f"{path}:{no}"
        if "+" in word or "_" in word:
            split = _split_multiword(word if "+" in word else "+" + word)
            if split is None:
                lex.report.add("unreadable multi-word verb", f"{where}: {st}")
                continue
            pre, head, post = split
            forms = [head.lower()]
            extra: list[tuple[str, list[str], list[str]]] = []
            if forms_part:
                for f in forms_part.strip("{}").split():
                    sp = _split_multiword(f if "+" in f else "+" + f)
                    if sp:
                        extra.append((sp[1].lower(), sp[0], sp[2]))
            else:
                for f in _regular_forms(head)[1:]:
                    extra.append((f, pre, post))
            key = " ".join([*pre, "+" + head, *post]).lower()
            if key in seen:
                lex.report.add("verb in two blocks (first code kept, patterns of both)", f"{where}: {st}")
                code = None
            seen.add(key)
            verbs.append(_Verb(head.lower(), _word_elements(pre), _word_elements(post), code, st, where))
            lex.verb_forms.setdefault(head.lower(), [head.lower()])
            for f, fpre, fpost in extra:
                if (fpre, fpost) == (pre, post):
                    lex.verb_forms[head.lower()] = list(dict.fromkeys([*lex.verb_forms[head.lower()], f]))
                else:
                    verbs.append(_Verb(f, _word_elements(fpre), _word_elements(fpost), code, st, where))
                    lex.verb_forms.setdefault(f, [f])
            continue
        lemma = word.lower()
        vcode: str | None = code
        if lemma in seen:
            lex.report.add("verb in two blocks (first code kept, patterns of both)", f"{where}: {st}")
            vcode = None
        seen.add(lemma)
        forms = [f.lower() for f in forms_part.strip("{}").split()] if forms_part else []
        if lemma not in lex.verb_forms:
            lex.verb_forms[lemma] = list(dict.fromkeys([lemma, *forms])) if forms else _regular_forms(lemma)
        verbs.append(_Verb(lemma, [], [], vcode, st, where))
    flush_block()


def _emit_block(verbs: list[_Verb], patterns: list[tuple[str, str, int]], path: str, lex: Lexicon,
                synsets: set[str], fmt: str) -> None:
    compiled: list[tuple[str, list[Element], list[Element], str, str]] = []
    for body, code, no in patterns:
        raw = body.strip()
        if fmt == "petr1" and "{" in raw:
            lex.report.add("pattern with {...} (PETRARCH-1 skips these)", f"{path}:{no}: - {raw}")
            continue
        if fmt == "petr2" and _PETR2.search(raw):
            lex.report.add("PETRARCH-2 phrase structure approximated as word order", f"{path}:{no}: - {raw}")
            raw = _petr2_items(raw)
        try:
            items = scan_items(raw.replace("-", "_"), synsets, stems=False)
            els = items_to_elements(items, lex.classes)
        except PatternSyntaxError as exc:
            lex.report.add("untranslated verb pattern", f"{path}:{no}: - {raw} ({exc})")
            continue
        marks = [k for k, e in enumerate(els) if e.kind == "verb"]
        if len(marks) != 1:
            lex.report.add("pattern without one verb marker *", f"{path}:{no}: - {raw}")
            continue
        k = marks[0]
        compiled.append((code, els[:k], els[k + 1 :], "- " + body.strip(), f"{path}:{no}"))
    shared = [(c, tuple(b), tuple(a), t, w) for c, b, a, t, w in compiled]  # one tuple per pattern, shared
    empty: tuple[Element, ...] = ()
    for v in verbs:
        entries = [*shared, *([(v.code, empty, empty, v.line, v.where)] if v.code is not None else [])]
        for code_raw, before, after, text, where in entries:
            parsed = parse_code(code_raw)
            if parsed is None:
                lex.report.add("unreadable event code", f"{where}: [{code_raw}]")
                continue
            code, rev, weak, dominant = parsed
            lex.patterns.append(PatternEntry(
                code=code, head=v.head, head_rest=(), before=before + tuple(v.before) if v.before else before,
                after=tuple(v.after) + after if v.after else after, text=text, source=where,
                reverse_code=rev, weak=weak, dominant=dominant,
            ))


# ---------------------------------------------------------------------------------------------- all


def read_petrarch(verbs: str | Path, actors: Sequence[str | Path] = (), agents: str | Path | None = None,
                  discards: str | Path | None = None, *, verb_format: str = "auto") -> Lexicon:
    """PETRARCH dictionary files translated into one lexicon (classic grammar, no codebook)."""
    lex = petrarch_lexicon()
    for f in actors:
        read_petrarch_actors(_read(Path(f)), str(f), lex)
    if agents is not None:
        read_petrarch_agents(_read(Path(agents)), str(agents), lex)
    if discards is not None:
        read_petrarch_discards(_read(Path(discards)), str(discards), lex)
    read_petrarch_verbs(_read(Path(verbs)), str(verbs), lex, fmt=verb_format)
    return lex
