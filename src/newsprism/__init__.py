"""newsprism: reconstruct a news story from many outlets.

Read articles in any common format, find who said what, the posts they cite, when things
happened and how outlets differ, with every claim pointing at the characters of the article
text it rests on::

    import newsprism
    corpus = newsprism.read_articles(["articles/"])
    analysis = newsprism.analyze(corpus)
    print(analysis.to_json())
"""

from importlib.metadata import PackageNotFoundError, version

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import Corpus, iter_articles, read_articles
from newsprism.model import Analysis, Article, Span, Story
from newsprism.options import Options
from newsprism.pipeline import analyze

try:
    __version__ = version("newsprism")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

__all__ = [
    "Analysis",
    "Article",
    "Corpus",
    "InputError",
    "NewsprismError",
    "Options",
    "Span",
    "Story",
    "analyze",
    "iter_articles",
    "read_articles",
]
