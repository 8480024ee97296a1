"""The CAMEO codebook: codes, Goldstein values, QuadClass schemes, actor vocabulary."""

from __future__ import annotations

import pytest

from eventcode.codebook import (
    all_event_codes,
    check_actor_code,
    get_event_code,
    intent_code,
    lookup_event_code,
    quad_class,
)
from eventcode.errors import CodebookError, UnknownCodeError


def test_every_cameo_code_is_present() -> None:
    """The codebook holds the 20 roots and all 2-, 3- and 4-digit codes (about 300)."""
    codes = {c.code for c in all_event_codes()}
    assert {f"{r:02d}" for r in range(1, 21)} <= codes
    assert 300 <= len(codes) <= 320
    assert {"0332", "1823", "192", "057", "106", "1056"} <= codes


def test_names_and_goldstein() -> None:
    """Names are mended (no typos from the source table) and Goldstein values are GDELT's."""
    assert lookup_event_code("044").name == "Meet at a third location"
    assert lookup_event_code("033").name.startswith("Express intent to provide material aid")
    assert lookup_event_code("192").goldstein == -9.5
    assert lookup_event_code("016").goldstein_phoenix == 3.4
    assert all(-10 <= c.goldstein <= 10 for c in all_event_codes())


@pytest.mark.parametrize(
    ("code", "gdelt", "icews", "penta"),
    [("042", 1, 1, 1), ("09", 2, 3, 3), ("14", 3, 4, 4), ("15", 4, 4, 4), ("16", 4, 4, 3), ("010", 1, 1, 0)],
)
def test_quad_class_schemes(code: str, gdelt: int, icews: int, penta: int) -> None:
    """GDELT (default), ICEWS and Phoenix PentaClass schemes differ where they should."""
    assert quad_class(code) == gdelt
    assert quad_class(code, "icews") == icews
    assert quad_class(code, "penta") == penta


def test_unknown_codes_raise_with_origin() -> None:
    """An unknown code is an error naming the code and where it came from."""
    with pytest.raises(UnknownCodeError, match=r"'999'.*verbs.txt:3"):
        lookup_event_code("999", where="verbs.txt:3")
    assert get_event_code("999") is None
    with pytest.raises(CodebookError):
        check_actor_code("XYZGOV")
    with pytest.raises(LookupError):
        check_actor_code("USAXXX")
    with pytest.raises(ValueError, match="scheme"):
        quad_class("01", "nonsense")


def test_actor_codes_validate() -> None:
    """Country, type, region, agent and organisation segments validate."""
    for code in ("USA", "AFGMIL", "AFGINS", "---REB", "IGO", "XKXGOV"):
        assert check_actor_code(code) == code


def test_intent_codes() -> None:
    """Announced actions map to CAMEO's intent or threat codes."""
    assert intent_code("042") == "036"
    assert intent_code("0871") == "0356"
    assert intent_code("190") == "1384"
    assert intent_code("111") == "111"
