"""The article-body metric of the Scrapinghub (Zyte) article extraction benchmark.

A text is cut into word tokens (``\\w+``, case kept), and the tokens into overlapping
shingles of four. Per page, the shingles the extractor got right are counted as a multiset
overlap with the expected ones; precision divides that by the extractor's shingles, recall
by the expected ones. Precision is averaged over the pages where the extractor returned
something, recall over the pages that have an expected body, and F1 is taken from those two
averages (not averaged page by page). Accuracy is the share of pages whose token list equals
the expected one exactly.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from dataclasses import dataclass

__all__ = ["PageScore", "Summary", "tokens", "shingles", "score_page", "summarize", "f1_spread"]

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4
"""Words per shingle, as upstream: long enough that a stray menu word does not match
article text, short enough that a paragraph cut in two loses only a few shingles."""

BOOTSTRAP_SEED = 0
"""Fixed so that two runs on the same outputs print the same spread."""


@dataclass(frozen=True)
class PageScore:
    """How one extracted body compares with the expected one."""

    precision: float | None
    """Share of the extracted shingles that are expected; None when nothing was extracted."""
    recall: float | None
    """Share of the expected shingles that were extracted; None when nothing is expected."""
    exact: bool
    """The two token lists are identical."""


@dataclass(frozen=True)
class Summary:
    """The corpus-level figures."""

    precision: float
    recall: float
    f1: float
    accuracy: float


def tokens(text: str | None) -> list[str]:
    """Word tokens, in order."""
    return TOKEN.findall(text or "")


def shingles(words: list[str]) -> Counter:
    """Multiset of overlapping word n-grams; a text shorter than one shingle is one short shingle."""
    if not words:
        return Counter()
    if len(words) < SHINGLE_SIZE:
        return Counter([tuple(words)])
    return Counter(zip(*(words[start:] for start in range(SHINGLE_SIZE))))


def score_page(expected: str, extracted: str | None) -> PageScore:
    """Precision, recall and exact match of one page."""
    expected_words, extracted_words = tokens(expected), tokens(extracted)
    wanted, got = shingles(expected_words), shingles(extracted_words)
    hits = sum((wanted & got).values())
    n_got, n_wanted = sum(got.values()), sum(wanted.values())
    return PageScore(
        precision=hits / n_got if n_got else None,
        recall=hits / n_wanted if n_wanted else None,
        exact=expected_words == extracted_words,
    )


def summarize(scores: list[PageScore]) -> Summary:
    """Mean precision and recall over the pages where each is defined, and F1 of the two means."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return Summary(
        precision=precision,
        recall=recall,
        f1=_harmonic_mean(precision, recall),
        accuracy=statistics.fmean(s.exact for s in scores) if scores else 0.0,
    )


def f1_spread(scores: list[PageScore], samples: int) -> float | None:
    """Standard deviation of F1 over bootstrap resamples of the pages (None below two samples).

    Tells how much of a gap between two extractors the choice of pages alone could explain.
    """
    if samples < 2 or not scores:
        return None
    rng = random.Random(BOOTSTRAP_SEED)
    f1s = [summarize(rng.choices(scores, k=len(scores))).f1 for _ in range(samples)]
    return statistics.stdev(f1s)


def _harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0
