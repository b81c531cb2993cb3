"""junkfilter: score and strip junk paragraphs from scraped Chinese web text.

    >>> import junkfilter
    >>> junkfilter.clean(text)                # text without its junk paragraphs
    >>> junkfilter.score(text)                # one ParagraphScore per paragraph
    >>> jf = junkfilter.JunkFilter()          # load the model once, clean many documents
    >>> jf.clean_batch(texts)
"""
from ._version import __version__
from .filter import JunkFilter, ParagraphScore, clean, score
from .labels import JUNK_LABELS, LABELS
from .persist import ModelError

__all__ = ["__version__", "JunkFilter", "ParagraphScore", "ModelError", "clean", "score", "LABELS", "JUNK_LABELS"]
