"""Loads the spaCy pipeline once per process and parses texts in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.errors import ModelError
from newsprism.options import DEFAULT_MODELS, NlpOptions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def load(model: str | None = None, max_length: int = NlpOptions.max_length) -> Language:
    """Return the spaCy pipeline ``model`` (or the first installed default), loaded once.

    Raises:
        ModelError: when no candidate model can be loaded.
    """
    candidates = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in candidates:
        try:
            nlp = _load_cached(name)
        except OSError as error:
            errors.append(f"{name}: {str(error).splitlines()[0]}")
            continue
        nlp.max_length = max(nlp.max_length, max_length)
        return nlp
    raise ModelError("; ".join(errors))


@lru_cache(maxsize=4)
def _load_cached(name: str) -> Language:
    import spacy

    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        _register_paragraph_breaks()
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Doc) -> Doc:
        """A line break ends a sentence: the parser then never joins the last words of one
        paragraph to the next (which the small models do after a link or a quotation)."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


def model_name(nlp: Language) -> str:
    """The ``lang_name-version`` label of a loaded pipeline, for the output's provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"


def parse(nlp: Language, texts: Iterable[str], options: NlpOptions) -> Iterator[Doc]:
    """Parse ``texts`` lazily with ``nlp.pipe`` in batches, in input order.

    A batch holds at most ``options.batch_size`` documents and, past its first document, at
    most ``options.batch_chars`` characters: while the token-to-vector layer runs, it keeps
    every intermediate array of the batch (several KiB a token), so a batch of 32 long
    articles would take hundreds of MiB for a moment, which then stays the process's peak.
    """
    if options.n_process > 1 or not options.batch_chars:
        yield from nlp.pipe(texts, batch_size=options.batch_size, n_process=options.n_process)
        return
    for batch in batches(texts, options.batch_size, options.batch_chars):
        yield from nlp.pipe(batch, batch_size=len(batch))


def batches(texts: Iterable[str], size: int, chars: int) -> Iterator[list[str]]:
    """Consecutive groups of ``texts``: at most ``size`` texts, and at most ``chars``
    characters unless a single text is longer."""
    batch: list[str] = []
    total = 0
    for text in texts:
        if batch and (len(batch) >= size or total + len(text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(text)
        total += len(text)
    if batch:
        yield batch
