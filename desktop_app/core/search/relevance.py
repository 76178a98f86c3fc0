"""Honest relevance: where an unrelated file's score would lie, and how sure a hit is.

The search engine (core.search.engine) makes a Calibration per embedding space and query, and
turns each hit's margin over its line and its word coverage into the confidence a row shows.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from desktop_app.core.store.api import Background

# Honest relevance. A hit is strong when its score stands where no unrelated file's would,
# however many files the index holds: the best of N unrelated scores grows with N (about
# sqrt(2 ln N) standard deviations for a Gaussian), so a fixed line is crossed by chance in any
# large index. The line is the score an unrelated vector reaches with probability ALPHA among
# the N vectors of that space and pack: mean + TAIL * std * Phi^-1(1 - ALPHA / N). Mean and
# std describe unrelated pairs: the pack's own figures when its manifest has them (document
# encoders measure them at build time: a query's scores over the index are no null, since a
# topical index holds many related passages), else this query's scores over a sample of the
# index (image spaces, whose text-to-image scores have no scale of their own). TAIL: text
# embeddings' unrelated scores are heavier-tailed than a Gaussian (tests/benchmarks/
# bench_quality.py, tuning split). Words count as strong evidence when every word of the query
# is in a file's name, folder, place or matched text; an identifier or a quoted phrase found
# verbatim is strong on its own.
ALPHA = 0.05
TAIL = 1.15
RELATIVE = 1.5  # standard deviations below the best vector score that still count as strong
Z_LIST = 1.0  # vector-only hits scoring below mean + Z_LIST std are not listed at all
MIN_BACKGROUND = 30  # fewer stored vectors than this and no pack figures: too few to calibrate
# a small index with no pack figures falls back to fixed lines where a model's raw score means
# something: image-to-image (near copies >= ~0.9). CLIP's text-to-image scores mean nothing on
# their own, so those stay weak until calibrated.
ABSOLUTE_STRONG = {"passage": 0.45, "image": 0.9}
_NORMAL = NormalDist()


def extreme_line(size: int) -> float:
    """How many standard deviations above the mean the best of ``size`` unrelated scores
    reaches with probability ALPHA (Gaussian), times the tail factor."""
    n = max(2, size)
    return TAIL * _NORMAL.inv_cdf(1.0 - ALPHA / n)


class Calibration:
    """Where an unrelated score would lie for this query, in one space of the index."""

    def __init__(
        self, background: Background, vector: np.ndarray, unrelated: tuple[float, float] | None
    ) -> None:
        self.ok = unrelated is not None or background.sample.shape[0] >= MIN_BACKGROUND
        if not self.ok:
            return
        if unrelated is not None:
            self.mean, self.std = unrelated
        else:
            scores = background.sample @ np.asarray(vector, dtype=np.float32)
            self.mean = float(scores.mean())
            self.std = max(float(scores.std()), 1e-6)
        self.z_line = extreme_line(max(background.total, background.sample.shape[0]))

    def above(self, score: float) -> float | None:
        """The score in standard deviations above an unrelated one's mean."""
        return (score - self.mean) / self.std if self.ok else None

    def margin(self, score: float) -> float | None:
        """How far the score lies over the line, in standard deviations: >= 0 is strong."""
        return (score - self.mean) / self.std - self.z_line if self.ok else None

    def sure(self, source: str, score: float) -> bool:
        line = ABSOLUTE_STRONG.get(source)
        return not self.ok and line is not None and score >= line


def confidence_of(margin: float | None, coverage: float, sure: bool = False) -> float:
    """0..1; 0.5 and above is strong. Vector evidence by its margin over the line (standard
    deviations, Calibration.margin), word evidence by coverage."""
    vec = 0.0 if margin is None else 1.0 / (1.0 + float(np.exp(-1.5 * margin)))
    if sure:
        vec = max(vec, 0.75)
    words = 0.9 if coverage >= 1.0 else 0.45 * coverage
    return max(vec, words)
