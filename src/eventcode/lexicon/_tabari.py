"""Reader for TABARI dictionaries: ``.actors``, ``.agents``, ``.verbs``, ``.options`` and ``.project`` files.

Everything is translated into eventcode's dictionary model (:class:`~eventcode.lexicon.Lexicon`) with
``codebook=None`` (codes are kept as written: TABARI sets often use WEIS or project codes) and the
``classic`` grammar, whose options (:class:`~eventcode.lexicon.CodingOptions`) take the ``.options`` file's
settings. What cannot be translated is counted in ``Lexicon.report`` with its first examples; nothing is
dropped silently. The format is described in the TABARI manual (version 0.8), chapters 4, 5, 6, 8 and 10.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from eventcode.errors import DictionaryError
from eventcode.lexicon._foreign import (
    Item,
    PatternSyntaxError,
    alt_tokens,
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
    TimeShift,
)

__all__ = [
    "apply_tabari_option",
    "read_tabari_actors",
    "read_tabari_agents",
    "read_tabari_files",
    "read_tabari_options",
    "read_tabari_project",
    "read_tabari_verbs",
    "tabari_lexicon",
]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_text(encoding="latin-1")
    except OSError as exc:
        raise DictionaryError(f"cannot read: {exc.strerror}", str(path)) from None


def _content(line: str) -> str:
    """A dictionary line without its comment (``;`` anywhere, ``#`` or ``/`` at the start)."""
    s = line.split(";", 1)[0]
    st = s.strip()
    if st.startswith(("#", "/")):
        return ""
    return s.rstrip()


def _phrase(text: str, stems: bool) -> str:
    t = text.replace("-", "_")
    return fast_phrase(t, stems) or phrase_string(scan_items(t, stems=stems))


def _with_endings(text: str, phrase: str) -> list[str]:
    """TABARI adds the regular plural to the last word of actor, agent and noun phrases (not after ``=``)."""
    out = [phrase]
    raw = text.strip()
    if raw.endswith("=") or phrase.endswith("*"):
        return out
    last = phrase.rsplit(" ", 1)[-1]
    if last.isalpha():
        out.append(phrase + "s")
    return out


# ---------------------------------------------------------------------------------------------- actors


def read_tabari_actors(text: str, path: str, lex: Lexicon) -> None:
    """A TABARI ``.actors`` file (names, ``+`` synonyms, dated codes, ``<NOUN>``/``<ADJECTIVE>`` lists)."""
    stems = lex.options.stems
    section: str | None = None
    names: list[tuple[str, int]] = []
    code_text = ""
    first_line = 0

    def flush() -> None:
        nonlocal names, code_text
        if not names:
            return
        where = f"{path}:{first_line}"
        parsed = parse_roles(code_text, lex.report, where) if code_text else None
        if parsed is None:
            lex.report.add("actor without a code", f"{where}: {names[0][0]}")
            names, code_text = [], ""
            return
        roles, default = parsed
        if not roles and default is None:
            lex.report.add("actor without a usable code", f"{where}: {names[0][0]}")
            names, code_text = [], ""
            return
        if roles and default is None:
            default = "---"  # TABARI: a lone date restriction gets the null code as default
        phrases: list[str] = []
        for raw, no in names:
            try:
                phrases.extend(_with_endings(raw, _phrase(raw, stems)))
            except PatternSyntaxError as exc:
                lex.report.add("unreadable actor phrase", f"{path}:{no}: {raw} ({exc})")
        if phrases:
            lex.actors.append(ActorEntry(
                name=names[0][0].rstrip("=_ ").replace("_", " ").strip(),
                phrases=tuple(dict.fromkeys(phrases)),
                roles=tuple(Role(c, s, e) for c, s, e in roles),
                default=default,
                source=where,
            ))
        names, code_text = [], ""

    for no, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("~~FINISH"):
            break
        line = _content(raw)
        st = line.strip()
        if not st:
            continue
        up = st.upper()
        if up in ("<NOUN>", "<ADJECTIVE>", "<ADJ>"):
            flush()
            section = "noun" if up == "<NOUN>" else "adj"
            continue
        if up in ("</NOUN>", "</ADJECTIVE>", "</ADJ>"):
            section = None
            continue
        if section is not None:
            try:
                for ph in _with_endings(st, _phrase(st, stems)):
                    (lex.nouns if section == "noun" else lex.adjectives).append(ph)
            except PatternSyntaxError as exc:
                lex.report.add("unreadable noun or adjective", f"{path}:{no}: {st} ({exc})")
            continue
        if line[:1] in (" ", "\t") and st.startswith("["):
            code_text += " " + st
            continue
        if st.startswith("+"):
            if not names:
                lex.report.add("synonym without an actor", f"{path}:{no}: {st}")
                continue
            names.append((st[1:].split("[", 1)[0].strip(), no))
            if "[" in st:
                code_text += " " + st[st.index("["):]
            continue
        flush()
        first_line = no
        name, _, codes = st.partition("[")
        names = [(name.strip(), no)]
        code_text = ("[" + codes) if codes else ""
    flush()


# ---------------------------------------------------------------------------------------------- agents


def read_tabari_agents(text: str, path: str, lex: Lexicon) -> None:
    """A TABARI ``.agents`` file: ``PHRASE [~CODE]`` (code after the actor's) or ``[CODE~]`` (before it)."""
    for no, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("~~FINISH"):
            break
        st = _content(raw).strip()
        if not st:
            continue
        name, _, rest = st.partition("[")
        code = rest.split("]", 1)[0].replace(" ", "").upper()
        if not code or "~" not in code:
            lex.report.add("agent without a ~ code", f"{path}:{no}: {st}")
            continue
        prefix = code.endswith("~")
        code = code.strip("~")
        try:
            phrases = _with_endings(name, _phrase(name.strip(), lex.options.stems))
        except PatternSyntaxError as exc:
            lex.report.add("unreadable agent phrase", f"{path}:{no}: {st} ({exc})")
            continue
        for ph in phrases:
            lex.agents.append(AgentEntry(ph, code, f"{path}:{no}", prefix=prefix))


# ---------------------------------------------------------------------------------------------- verbs

_ENDINGS = ("", "s", "ed", "es", "en", "ing")


def _root_forms(word: str) -> list[str]:
    """Surface forms of a closed TABARI verb word: the word and its regular endings (S, ED, ES, EN, ING)."""
    base = word.lower()
    forms = [base + e for e in _ENDINGS]
    if base.endswith("e"):
        forms += [base + "d", base[:-1] + "ing", base + "n"]
    return forms


class _Root:
    """One verb root being read: its head word, the words that follow it and its code."""

    def __init__(self, head: str, head_open: bool, no_endings: bool, rest: list[Element], code: str,
                 line: str, where: str) -> None:
        self.head = head
        self.head_open = head_open
        self.no_endings = no_endings
        self.rest = rest
        self.code = code
        self.line = line
        self.where = where
        self.forms: list[tuple[str, bool, bool]] = []  # extra irregular forms: (word, open, no endings)


def _head_key(word: str, open_: bool) -> str:
    toks = word_tokens(word, open_)
    return toks[0] if toks else ""


def read_tabari_verbs(text: str, path: str, lex: Lexicon) -> None:
    """A TABARI ``.verbs`` file: synsets, time shifts, roots with their irregular forms and patterns."""
    stems = lex.options.stems
    synsets: dict[str, list[str]] = {}
    pending_syn: str | None = None
    section: str | None = None
    root: _Root | None = None
    roots: list[tuple[_Root, list[tuple[str, str, int]]]] = []
    time_root: str | None = None

    def add_synset_member(name: str, member: str, no: int) -> None:
        try:
            items = scan_items(member.replace("-", "_"), set(synsets), stems=stems)
            cls = lex.classes.setdefault(class_name(name), [])
            for toks in _member_tokens(items, lex.classes):
                cls.append(" ".join(toks))
        except PatternSyntaxError as exc:
            lex.report.add("untranslated synset member", f"{path}:{no}: {member} ({exc})")

    for no, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("~~FINISH"):
            break
        line = _content(raw)
        st = line.strip()
        if not st:
            continue
        up = st.upper()
        if up.startswith("<SYNSET"):
            section = "syn"
            continue
        if up.startswith("</SYNSET"):
            section = None
            continue
        if up in ("<TIME>", "</TIME>", "<ATTRIB>", "</ATTRIB>", "<ISSUES>", "</ISSUES>"):
            section = None if up.startswith("</") else up.strip("<>").lower()
            continue
        if st.startswith("&") and section in ("syn", None):
            pending_syn = st.split()[0].rstrip("_")
            synsets[pending_syn] = []
            lex.classes.setdefault(class_name(pending_syn), [])
            continue
        if st.startswith("+") and pending_syn is not None and section in ("syn", None) and root is None:
            add_synset_member(pending_syn, st[1:], no)
            continue
        if section == "attrib":
            lex.report.add("attribution pattern (not translated)", f"{path}:{no}: {st}")
            continue
        if section == "time":
            _time_line(st, path, no, lex, time_root)
            if not st.startswith("-"):
                time_root = st.split("[", 1)[0].strip()
            continue
        pending_syn = None
        if st.startswith("{"):
            if root is None:
                lex.report.add("verb forms without a verb", f"{path}:{no}: {st}")
                continue
            for form in st.strip("{} ").split():
                no_end = form.endswith("=")
                form = form.rstrip("=")
                root.forms.append((form.replace("-", "_"), stems and not form.endswith("_"), no_end))
            continue
        if st.startswith("-"):
            if root is None:
                lex.report.add("pattern before any verb", f"{path}:{no}: {st}")
                continue
            body, _, code_part = st[1:].partition("[")
            roots[-1][1].append((body, code_part.split("]", 1)[0], no))
            continue
        # a new root
        body, _, code_part = st.partition("[")
        code = code_part.split("]", 1)[0] if code_part else "---"
        try:
            items = scan_items(body.strip().replace("-", "_"), set(synsets), stems=stems)
        except PatternSyntaxError as exc:
            lex.report.add("unreadable verb", f"{path}:{no}: {st} ({exc})")
            root = None
            continue
        if not items or items[0].kind != "word":
            lex.report.add("unreadable verb", f"{path}:{no}: {st}")
            root = None
            continue
        head = items[0]
        try:
            rest = items_to_elements(list(items[1:]), lex.classes) if len(items) > 1 else []
        except PatternSyntaxError as exc:
            lex.report.add("unreadable verb", f"{path}:{no}: {st} ({exc})")
            root = None
            continue
        if len(items) > 1 and not head.adjacent:
            rest = [Element("any"), *rest]
        root = _Root(head.value, head.open, body.strip().split()[0].endswith("="), rest, code, st,
                     f"{path}:{no}")
        roots.append((root, []))

    for r, patterns in roots:
        _emit_root(r, patterns, path, lex, set(synsets))


def _member_tokens(items: list[Item], classes: dict[str, list[str]]) -> list[tuple[str, ...]]:
    return alt_tokens(tuple(items), classes)


def _emit_root(r: _Root, patterns: list[tuple[str, str, int]], path: str, lex: Lexicon, synsets: set[str]) -> None:
    heads: list[tuple[str, list[Element]]] = []
    if r.head_open:
        heads.append((_head_key(r.head, True), []))
    else:
        key = _head_key(r.head, False)
        forms = [key] if r.no_endings else _root_forms(key)
        heads.append((key, []))
        lex.verb_forms.setdefault(key, [])
        lex.verb_forms[key] = list(dict.fromkeys(lex.verb_forms[key] + forms))
    for form, open_, no_end in r.forms:
        try:
            items = scan_items(form, stems=open_)
        except PatternSyntaxError as exc:
            lex.report.add("unreadable verb form", f"{r.where}: {form} ({exc})")
            continue
        toks = word_tokens(items[0].value, items[0].open) if items and items[0].kind == "word" else ()
        if not toks:
            continue
        try:
            extra = items_to_elements(list(items[1:]), lex.classes) if len(items) > 1 else []
        except PatternSyntaxError as exc:
            lex.report.add("unreadable verb form", f"{r.where}: {form} ({exc})")
            continue
        if len(items) > 1 and not items[0].adjacent:
            extra = [Element("any"), *extra]
        if toks[0].endswith("*"):
            heads.append((toks[0], extra))
        else:
            key = toks[0]
            lex.verb_forms[key] = list(dict.fromkeys(lex.verb_forms.get(key, [])
                                                     + ([key] if no_end else _root_forms(key))))
            heads.append((key, extra))
    entries: list[tuple[str, list[Element], list[Element], str, str, int]] = []
    for body, code, no in patterns:
        try:
            items = scan_items(body.strip().replace("-", "_"), synsets, stems=lex.options.stems)
            els = items_to_elements(items, lex.classes)
        except PatternSyntaxError as exc:
            lex.report.add("untranslated verb pattern", f"{path}:{no}: - {body.strip()} ({exc})")
            continue
        verbs = [k for k, e in enumerate(els) if e.kind == "verb"]
        if len(verbs) != 1:
            lex.report.add("pattern without one verb marker *", f"{path}:{no}: - {body.strip()}")
            continue
        k = verbs[0]
        entries.append((code, els[:k], els[k + 1 :], "- " + body.strip(), f"{path}:{no}", no))
    entries.append((r.code, [], [], r.line.split("[", 1)[0].strip(), r.where, 0))
    for code_raw, before, after, text, where, _no in entries:
        parsed = parse_code(code_raw)
        if parsed is None:
            lex.report.add("unreadable event code", f"{where}: [{code_raw}]")
            continue
        code, rev, weak, dominant = parsed
        for head, extra in heads:
            lex.patterns.append(PatternEntry(
                code=code, head=head, head_rest=(), before=tuple(before),
                after=tuple(extra + r.rest + after), text=text, source=where,
                reverse_code=rev, weak=weak, dominant=dominant,
            ))


def _time_line(st: str, path: str, no: int, lex: Lexicon, root: str | None) -> None:
    body, _, code_part = st.partition("[")
    code = code_part.split("]", 1)[0].replace(" ", "")
    if body.strip().startswith("-"):
        if root is None:
            lex.report.add("time pattern without a root", f"{path}:{no}: {st}")
            return
        body = body.strip()[1:].replace("*", root)
    try:
        phrase = _phrase(body.strip(), lex.options.stems)
    except PatternSyntaxError as exc:
        lex.report.add("unreadable time phrase", f"{path}:{no}: {st} ({exc})")
        return
    if code in ("---", "###", "+++"):
        lex.time_shifts.append(TimeShift(phrase, 0, code, f"{path}:{no}"))
        return
    try:
        days = int(code)
    except ValueError:
        lex.report.add("unreadable time shift", f"{path}:{no}: {st}")
        return
    lex.time_shifts.append(TimeShift(phrase, days, None, f"{path}:{no}"))


# ---------------------------------------------------------------------------------------------- options


def read_tabari_options(text: str, path: str, lex: Lexicon) -> None:
    """A TABARI ``.options`` file into ``lex.options`` (what has no counterpart is reported)."""
    for no, raw in enumerate(text.splitlines(), 1):
        line = re.split(r"//|#", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        if not apply_tabari_option(line, lex.options):
            lex.report.add("option without effect on coding", f"{path}:{no}: {line}")


def apply_tabari_option(line: str, opts: CodingOptions) -> bool:
    """Apply one ``.options`` command (``COMPLEX: ...``, ``SET: CODE BY SENTENCE``, ``COMMA: ...``, ...).

    Returns False when the command has no counterpart in eventcode (labels, output fields, usage files).
    """
    head, _, rest = line.partition(":")
    key = head.strip().upper()[:4]
    rest_u = rest.strip().upper()
    if key == "COMP":
        m = re.findall(r"(\w+)\s*(?:\[\s*(\d+)\s*\])?", rest_u)
        opts.complex_verbs = opts.complex_conj = opts.complex_actors = 0
        opts.no_actor_prior = False
        for name, num in m:
            if name == "VERBS":
                opts.complex_verbs = int(num or 0)
            elif name == "CONJ":
                opts.complex_conj = int(num or 0)
            elif name == "ACTORS":
                opts.complex_actors = int(num or 0)
            elif name == "NOACTPRIOR":
                opts.no_actor_prior = True
        return True
    if key == "DEFA":
        if rest_u.startswith("OFF"):
            opts.default_source = opts.default_target = None
            opts.default_source_prior = opts.default_target_after = False
            return True
        src = re.search(r"SOURCE:?\s*\[([^\]]*)\]\s*(PRIOR)?", rest_u)
        tgt = re.search(r"TARGET:?\s*\[([^\]]*)\]\s*(AFTER)?", rest_u)
        if src:
            opts.default_source = src.group(1).strip()
            opts.default_source_prior = bool(src.group(2))
        if tgt:
            opts.default_target = tgt.group(1).strip()
            opts.default_target_after = bool(tgt.group(2))
        return True
    if key == "COMM":
        if rest_u.startswith("OFF"):
            opts.comma_max = opts.comma_bmax = opts.comma_emax = 0
            return True
        for name, val in re.findall(r"([BE]?M(?:IN|AX))\s*=\s*(\d+)", rest_u):
            setattr(opts, "comma_" + name.lower(), int(val))
        return True
    if key == "SET":
        name, _, val = rest_u.partition("=")
        name = " ".join(name.split())
        val = val.strip()
        truth = val.startswith("T")
        if name.startswith("CODE BY") or name.startswith("CODE ALL"):
            word = (name + " " + val).split()
            opts.code_by = "all" if "ALL" in word else ("sentence" if "SENTENCE" in word else "clause")
            return True
        if name.startswith("MINIMUM WORDS") or name.startswith("MIN"):
            try:
                opts.min_words = int(val)
            except ValueError:
                return False
            return True
        if name.startswith("CONVERT AGENT"):
            opts.agents_alone = "tilde" if truth else "drop"
            return True
        if name.startswith("TIME SHIFT"):
            opts.time_shift = truth
            return True
        return False
    return False


# ---------------------------------------------------------------------------------------------- project


def tabari_lexicon() -> Lexicon:
    """An empty lexicon set up as TABARI codes: no codebook, classic grammar, TABARI's defaults."""
    lex = Lexicon(codebook=None)
    lex.grammar = "classic"
    lex.options = CodingOptions(min_words=8, stems=True)
    return lex


def read_tabari_project(project: str | Path) -> Lexicon:
    """The dictionaries and options a TABARI ``.project`` file names, translated into one lexicon."""
    p = Path(project)
    text = _read(p)
    files: dict[str, list[Path]] = {"actors": [], "agents": [], "verbs": [], "options": []}
    for line in text.splitlines():
        m = re.match(r"\s*<(actors?file|agents?file|verbs?file|optionsfile)!?>\s*(\S.*)$", line, re.I)
        if m:
            kind = m.group(1).lower().rstrip("file").rstrip("s")
            kind = {"actor": "actors", "agent": "agents", "verb": "verbs", "option": "options"}[kind]
            files[kind].append(p.parent / m.group(2).strip())
    if not files["actors"] or not files["verbs"]:
        raise DictionaryError("a .project file names at least an <actorsfile> and a <verbsfile>", str(p))
    lex = tabari_lexicon()
    for f in files["options"]:
        read_tabari_options(_read(f), str(f), lex)
    for f in files["actors"]:
        read_tabari_actors(_read(f), str(f), lex)
    for f in files["agents"]:
        read_tabari_agents(_read(f), str(f), lex)
    for f in files["verbs"]:
        read_tabari_verbs(_read(f), str(f), lex)
    return lex


def read_tabari_files(actors: Sequence[str | Path], verbs: Sequence[str | Path], agents: Sequence[str | Path] = (),
                      options: str | Path | None = None) -> Lexicon:
    """TABARI dictionary files named directly (no ``.project``)."""
    lex = tabari_lexicon()
    if options is not None:
        read_tabari_options(_read(Path(options)), str(options), lex)
    for f in actors:
        read_tabari_actors(_read(Path(f)), str(f), lex)
    for f in agents:
        read_tabari_agents(_read(Path(f)), str(f), lex)
    for f in verbs:
        read_tabari_verbs(_read(Path(f)), str(f), lex)
    return lex
