"""Closed-class English words the grammar reasons with (auxiliaries, negation, modality, boundaries)."""

from __future__ import annotations

from typing import Final

BE: Final = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "'re", "get", "gets", "got", "gotten", "getting"]
)
HAVE: Final = frozenset(["has", "have", "had", "having", "'ve", "'d"])
DO: Final = frozenset(["do", "does", "did"])
NEGATION: Final = frozenset(["not", "n't", "never", "no", "neither", "nor"])
HYPOTHETICAL: Final = frozenset(["would", "could", "might", "may", "should", "must", "can", "cannot", "ought", "'d"])
FUTURE: Final = frozenset(["will", "'ll", "shall", "wo"])
CONDITIONAL: Final = frozenset(["if", "unless", "whether"])
ADVERB: Final = frozenset(
    [
        "also",
        "today",
        "yesterday",
        "tonight",
        "already",
        "still",
        "reportedly",
        "allegedly",
        "then",
        "later",
        "just",
        "recently",
        "again",
        "now",
        "further",
        "jointly",
        "subsequently",
        "previously",
        "initially",
        "finally",
        "repeatedly",
        "quickly",
        "immediately",
        "formally",
        "officially",
        "publicly",
        "strongly",
        "sharply",
        "firmly",
        "once",
        "even",
        "apparently",
        "really",
        "actually",
        "soon",
        "yet",
    ]
)
# Verbs that take an infinitive and set its modality: "plans to attack" is an intention,
# "refused to meet" a refusal (not the meeting), "tried to storm" the attempt (coded as the act).
INTENT_VERBS: Final = frozenset(
    """plan intend vow pledge promise threaten want seek aim agree prepare hope expect wish offer propose
    mean resolve undertake commit willing ready prepared determined eager poised keen swear swore sworn""".split()
)
ADJECTIVAL_TO: Final = frozenset(["opposed", "committed", "dedicated", "devoted", "averse", "open"])
"""Participles that after *be* and before *to* are adjectives with an object ("is opposed to the plan")."""
NEGATING_VERBS: Final = frozenset(["refuse", "decline", "fail", "cease", "stop", "avoid", "deny", "reject"])
ACTUAL_VERBS: Final = frozenset(["try", "attempt", "continue", "begin", "start", "resume", "manage"])
PRONOUNS: Final = {"he": "person", "she": "person", "they": "group", "it": "thing", "we": "group"}
OBJECT_PRONOUNS: Final = {"him": "person", "her": "person", "them": "group"}
"""Object pronouns resolved to an actor named before ("it" as an object is mostly a thing: "condemned it")."""
BOUNDARY: Final = frozenset(';:()[]"“”?!.')
CLAUSE_STOP: Final = frozenset(
    ["that", "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas"]
)
PREPOSITIONS: Final = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "to",
        "for",
        "into",
        "against",
        "after",
        "before",
        "during",
        "near",
        "over",
        "under",
        "through",
        "across",
        "since",
        "about",
        "amid",
        "amidst",
        "among",
        "between",
        "toward",
        "towards",
        "without",
        "within",
        "upon",
        "via",
        "despite",
    ]
)
CONJUNCTIONS: Final = frozenset(["and", "or", "but"])
SKIPPABLE: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "at",
        "least",
        "more",
        "than",
        "of",
        "about",
        "nearly",
        "almost",
        "around",
        "over",
        "up",
        "to",
        "as",
        "another",
        "other",
        "fellow",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "one",
        "all",
        "both",
        "each",
        "every",
    ]
)
REPORTING: Final = frozenset(["said", "says", "say", "saying", "told", "tells", "added", "adds", "adding", "stated",
                              "states", "according", "announced", "declared", "warned", "insisted", "confirmed",
                              "quoted"])
DETERMINERS: Final = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "'s",
     "any", "no", "every", "each", "another", "such", "whose"]
)
TIME_WORDS: Final = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "tonight", "overnight", "earlier", "later", "again", "also", "now", "recently", "last", "this", "week",
     "month", "year", "morning", "evening", "afternoon", "night", "weekend"]
)
"""Words of a time phrase that may stand between a verb and its object ("denied on Thursday charges")."""
VERB_PREFIXES: Final = frozenset(["re", "co", "counter", "pre", "de"])
"""Prefixes written with a hyphen before a verb ("re-open", "co-sponsor"): the verb is the joined word."""
UNDOING_NOUNS: Final = frozenset(
    ["lifting", "end", "ending", "easing", "relaxation", "removal", "repeal", "revocation", "rescinding", "scrapping",
     "suspension", "cancellation", "withdrawal", "loosening", "abolition"]
)
"""Nouns that undo the noun event after them ("the lifting of sanctions on X" is not imposing them)."""
INTRANSITIVE: Final = frozenset(
    """explode demonstrate march clash rally riot protest erupt mutiny rebel retaliate defect flee arrive collide
    die""".split()
)
"""Verbs whose "-ed" form before a preposition is their past tense, never a passive participle ("a bomb exploded
in the market", "thousands marched through the city"): no reduced relative."""
FINITE_AUX: Final = frozenset(
    ["is", "are", "was", "were", "am", "'re", "has", "have", "had", "do", "does", "did", "will", "'ll", "shall", "wo",
     "would", "could", "might", "may", "should", "must", "can", "cannot"]
)
"""Auxiliaries that make a clause finite ("weapons seized last year were destroyed")."""
CAPACITY_NOUNS: Final = frozenset(
    ["ability", "capacity", "capability", "capabilities", "right", "power", "readiness", "willingness", "chance",
     "opportunity", "means", "freedom", "licence", "license", "authority"]
)
"""Nouns whose infinitive ("their ability to strike", "the right to protest") names what could happen, not an event."""
