"""Finding inputs: files, directories (recursive), glob patterns and ``-`` for stdin."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import InputError, MalformedError, NotFoundError, TooLargeError, UnreadableError

STDIN = "-"
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or bytes already read (stdin).

    ``gzipped`` inputs are decompressed as they are read (their size is then unknown, and the
    size limit applies to the decompressed bytes).
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    gzipped: bool = False

    def size(self) -> int | None:
        """Size in bytes (None when only decompressing would tell)."""
        if self.gzipped:
            return None
        return self.path.stat().st_size if self.path else len(self.data or b"")

    def open(self) -> BinaryIO:
        """Open for binary reading; the caller closes the handle.

        Raises:
            UnreadableError: when the file cannot be opened.
        """
        if self.path is None:
            raw: BinaryIO = io.BytesIO(self.data or b"")
        else:
            try:
                raw = self.path.open("rb")
            except OSError as error:
                raise UnreadableError(error.strerror or str(error), source=self.name) from error
        if not self.gzipped:
            return raw
        # GzipFile leaves its fileobj open; the wrapper below closes both.
        return _ClosingGzip(raw)

    def head(self, size: int = 65536) -> bytes:
        """The first ``size`` bytes, for sniffing the format.

        Raises:
            UnreadableError: when reading fails.
        """
        with self.open() as handle:
            try:
                return handle.read(size)
            except (OSError, EOFError) as error:
                raise _read_error(error, self) from error

    def read(self, max_bytes: int) -> bytes:
        """The whole input, refusing more than ``max_bytes``.

        Raises:
            TooLargeError: when the input is larger than ``max_bytes``.
            UnreadableError: when reading fails.
        """
        size = self.size()
        if size is not None and size > max_bytes:
            raise TooLargeError(f"{size} bytes > limit {max_bytes}", source=self.name)
        with self.open() as handle:
            try:
                data = handle.read(max_bytes + 1)
            except (OSError, EOFError) as error:
                raise _read_error(error, self) from error
        if len(data) > max_bytes:
            raise TooLargeError(f"more than {max_bytes} bytes", source=self.name)
        return data


class _ClosingGzip(gzip.GzipFile):
    """A GzipFile that closes the file it decompresses."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def _read_error(error: OSError | EOFError, source: Source) -> InputError:
    """The input error for a failed read: a damaged gzip stream, else an I/O error."""
    if source.gzipped and isinstance(error, (EOFError, gzip.BadGzipFile, zlib.error)):
        return MalformedError(f"a damaged or truncated gzip stream ({error})", source=source.name)
    return UnreadableError(getattr(error, "strerror", None) or str(error), source=source.name)


def expand(inputs: Iterable[str | os.PathLike[str]], max_bytes: int) -> Iterator[Source | InputError]:
    """Each input file in order: directories recursively (sorted, hidden entries skipped),
    glob patterns expanded, ``-`` as stdin. A path that matches nothing yields an error in its
    place so the caller can report it and go on."""
    seen: set[Path] = set()
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield TooLargeError(f"more than {max_bytes} bytes", source="<stdin>")
            else:
                yield Source("<stdin>", data=data)
            continue
        if _GLOB_CHARS & set(name) and not Path(name).exists():
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield NotFoundError("the pattern matches nothing", source=name)
            for match in matches:
                yield from _files(Path(match), seen)
            continue
        path = Path(name)
        if not path.exists():
            yield NotFoundError(source=name)
            continue
        yield from _files(path, seen)


def _files(path: Path, seen: set[Path]) -> Iterator[Source | InputError]:
    if path.is_dir():
        try:
            children = sorted(path.iterdir())
        except OSError as error:
            yield UnreadableError(error.strerror or str(error), source=str(path))
            return
        for child in children:
            if not child.name.startswith("."):
                yield from _files(child, seen)
        return
    resolved = path.resolve()
    if resolved in seen:
        return
    seen.add(resolved)
    yield Source(str(path), path)
