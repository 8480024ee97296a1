"""The exception tree of eventcode.

Every error raised on purpose by eventcode is an :class:`EventcodeError`, and each also subclasses the
builtin it refines, so ``except ValueError`` keeps working for callers who do not know eventcode. Each error
carries a stable ``code`` (``E001``...) that the docs index, so a message can be looked up and searched for.
"""

from __future__ import annotations

__all__ = [
    "CodebookError",
    "DictionaryError",
    "EventcodeError",
    "InputError",
    "RecordError",
    "UnknownCodeError",
]


class EventcodeError(Exception):
    """Base class of every error eventcode raises on purpose."""

    code: str = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class CodebookError(EventcodeError, LookupError):
    """A code is not in the codebook."""

    code = "E001"


class UnknownCodeError(CodebookError, KeyError):
    """An unknown CAMEO event or actor code, with where it came from."""

    code = "E002"

    def __init__(self, value: str, kind: str, where: str | None = None) -> None:
        self.value = value
        self.kind = kind
        self.where = where
        msg = f"unknown CAMEO {kind} code {value!r}"
        if where:
            msg += f" (from {where})"
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError would quote the message
        return f"[{self.code}] {self.args[0]}"


class DictionaryError(EventcodeError, ValueError):
    """A dictionary file has an entry that cannot be read: ``file:line: reason``."""

    code = "E003"

    def __init__(self, reason: str, path: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path is not None and line is not None else (f"{path}: " if path else "")
        super().__init__(f"{where}{reason}")


class InputError(EventcodeError, ValueError):
    """Input that is not what eventcode expects: a bad date, a malformed record, undecodable bytes."""

    code = "E004"

    def __init__(
        self, reason: str, *, source: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.field = field
        parts = []
        if source is not None:
            parts.append(str(source) + (f":{line}" if line is not None else ""))
        elif line is not None:
            parts.append(f"line {line}")
        if field is not None:
            parts.append(f"field {field!r}")
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)


class RecordError(EventcodeError, ValueError):
    """A record (event, actor, action...) whose fields do not fit together."""

    code = "E005"
