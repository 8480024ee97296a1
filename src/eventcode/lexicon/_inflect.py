"""English inflection for dictionary entries: verb forms from lemmas, noun plurals from singulars."""

from __future__ import annotations

_VOWELS = set("aeiou")


def _ends_cvc(word: str) -> bool:
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _syllables(word: str) -> int:
    groups = 0
    prev = False
    for ch in word:
        v = ch in _VOWELS
        if v and not prev:
            groups += 1
        prev = v
    return groups


def _doubles(lemma: str, doubling: set[str]) -> bool:
    """Whether the final consonant doubles (stop -> stopped): listed verbs, and one-syllable CVC verbs."""
    return lemma in doubling or (_syllables(lemma) == 1 and _ends_cvc(lemma))


def verb_forms(lemma: str, irregular: dict[str, tuple[list[str], list[str]]], doubling: set[str]) -> set[str]:
    """All forms of a verb: base, -s, past, past participle, -ing."""
    forms = {lemma}
    if lemma in irregular:
        past, participle = irregular[lemma]
        forms.update(past)
        forms.update(participle)
    # third person singular
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    double = _doubles(lemma, doubling)
    stem = lemma + "k" if lemma.endswith("ic") else lemma  # panic -> panicked, panicking
    # past and participle (regular), unless the verb is irregular
    if lemma not in irregular:
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
            forms.add(lemma[:-1] + "ied")
        elif double:
            forms.add(lemma + lemma[-1] + "ed")
            if lemma.endswith("l"):
                forms.add(lemma + "ed")  # American "canceled" beside British "cancelled"
        else:
            forms.add(stem + "ed")
    # gerund
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        forms.add(lemma[:-1] + "ing")
    elif double:
        forms.add(lemma + lemma[-1] + "ing")
        if lemma.endswith("l"):
            forms.add(lemma + "ing")
    else:
        forms.add(stem + "ing")
    return forms


def participles(lemma: str, irregular: dict[str, tuple[list[str], list[str]]], doubling: set[str]) -> set[str]:
    """Past-participle forms of a verb (for the passive)."""
    if lemma in irregular:
        return set(irregular[lemma][1])
    if lemma.endswith("e"):
        return {lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return {lemma[:-1] + "ied"}
    if _doubles(lemma, doubling):
        return {lemma + lemma[-1] + "ed"} | ({lemma + "ed"} if lemma.endswith("l") else set())
    return {(lemma + "k" if lemma.endswith("ic") else lemma) + "ed"}


_UNCOUNTED = {"police", "military", "army", "government", "media", "public", "staff", "personnel", "clergy",
              "leadership", "administration", "opposition", "junta", "regime", "cabinet", "press"}


def plural(noun: str) -> str | None:
    """Regular plural of the last word of a noun phrase (None where it has none or is already plural)."""
    head = noun.rsplit(" ", 1)[-1]
    if head in _UNCOUNTED or not head.isalpha():
        return None
    if head.endswith("s") and not head.endswith(("ss", "us")):
        return None  # already plural
    if head.endswith("man"):
        p = head[:-3] + "men"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        p = head + "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        p = head[:-1] + "ies"
    else:
        p = head + "s"
    return noun[: len(noun) - len(head)] + p
