"""The CAMEO codebook: event codes, QuadClass schemes, Goldstein values and the actor code vocabulary.

Everything here is looked up in data files shipped with the package (``eventcode/data/codebook``), loaded
lazily once. ``get_*`` functions return a default for an unknown code; ``lookup_*`` raise
:class:`~eventcode.errors.UnknownCodeError`.
"""

from eventcode.codebook._actors import (
    ActorCode,
    actor_code_names,
    check_actor_code,
    country_name,
    get_actor_segment,
    is_country,
    split_actor_code,
)
from eventcode.codebook._events import (
    QUAD_SCHEMES,
    EventCode,
    all_event_codes,
    demand_code,
    get_event_code,
    intent_code,
    lookup_event_code,
    quad_class,
    refusal_code,
)

__all__ = [
    "QUAD_SCHEMES",
    "ActorCode",
    "EventCode",
    "actor_code_names",
    "all_event_codes",
    "check_actor_code",
    "country_name",
    "demand_code",
    "get_actor_segment",
    "get_event_code",
    "intent_code",
    "is_country",
    "lookup_event_code",
    "quad_class",
    "refusal_code",
    "split_actor_code",
]
