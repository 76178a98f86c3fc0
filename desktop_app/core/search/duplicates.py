"""Near-duplicate photos: image vectors propose pairs, the perceptual hash confirms them."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import ImageEncoder
from desktop_app.core.extract.dhash import hamming_many
from desktop_app.core.store.api import Store
from desktop_app.core.threads import blas_threads
from desktop_app.core.types import (
    DuplicateFile,
    DuplicateGroup,
    DuplicateReport,
    FileRecord,
    Hit,
    Kind,
)

# Same scene, same framing: resized and recompressed copies sit at cosine ~0.98-1.0, bursts at
# ~0.93-0.98; different shots of one place rarely pass 0.92.
MIN_COSINE = 0.92
# With a vector match, the hashes may differ this much (crops, filters, recompression).
MAX_BITS = 10
# Without vectors the hash alone decides, so only near-exact matches count.
MAX_BITS_HASH_ONLY = 4
# Pigeonhole buckets for the hash-only match: at most 4 differing bits leave one of 5 bands of
# 13 bits untouched, so pairs are sought only inside buckets (never all N x N).
BANDS = (13, 13, 13, 13, 12)
# A blank hash (a flat or smoothly graded picture: every cell darker, or every cell brighter,
# than its left neighbour, give or take two) says little: not matched on the hash alone.
MIN_INFO_BITS = 3
PAIRS_AT_ONCE = 1 << 22  # hash comparisons per numpy call inside one (large) bucket
BLOCK = 2048  # rows per block of the similarity matrix: 2048 x 2048 float32 = 16 MB

Progress = Callable[[int, int], None]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        p = self.parent
        root = i
        while p[root] != root:
            root = p[root]
        while p[i] != root:  # path compression
            p[i], i = root, p[i]
        return root

    def union_many(self, a: npt.NDArray[np.intp], b: npt.NDArray[np.intp]) -> None:
        for i, j in zip(a.tolist(), b.tolist(), strict=True):
            ri, rj = self.find(i), self.find(j)
            if ri != rj:
                self.parent[max(ri, rj)] = min(ri, rj)

    def components(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.find(i), []).append(i)
        return [g for g in groups.values() if len(g) > 1]


def vector_pairs(
    vectors: npt.NDArray[np.float32],
    hashes: npt.NDArray[np.int64],
    min_cosine: float = MIN_COSINE,
    max_bits: int = MAX_BITS,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Index pairs (i < j) whose vectors are close and whose hashes agree.

    The similarity matrix is computed a block at a time (upper triangle only), so memory stays
    at one block whatever the number of photos.
    """
    n = len(vectors)
    va = np.ascontiguousarray(vectors, dtype=np.float32)
    out_a: list[npt.NDArray[np.intp]] = []
    out_b: list[npt.NDArray[np.intp]] = []
    blocks = (n + BLOCK - 1) // BLOCK
    done = 0
    total = blocks * (blocks + 1) // 2
    with blas_threads():  # 2048 x 2048 blocks: every core helps
        for i0 in range(0, n, BLOCK):
            i1 = min(n, i0 + BLOCK)
            for j0 in range(i0, n, BLOCK):
                if cancel is not None:
                    cancel.checkpoint()
                j1 = min(n, j0 + BLOCK)
                sims = va[i0:i1] @ va[j0:j1].T
                if i0 == j0:
                    sims = np.triu(sims, k=1)
                ii, jj = np.nonzero(sims >= min_cosine)
                if ii.size:
                    a, b = ii + i0, jj + j0
                    ok = hamming_many(hashes[a], hashes[b]) <= max_bits
                    out_a.append(a[ok])
                    out_b.append(b[ok])
                done += 1
                if progress is not None:
                    progress(done, total)
    if not out_a:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    return np.concatenate(out_a), np.concatenate(out_b)


def hash_pairs(
    hashes: npt.NDArray[np.int64],
    queries: npt.NDArray[np.bool_] | None = None,
    max_bits: int = MAX_BITS_HASH_ONLY,
    cancel: CancelToken | None = None,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Index pairs whose hashes differ in at most ``max_bits`` bits, found through buckets.

    ``queries`` limits the pairs to those with at least one such member (photos without a
    vector, when the others were matched by vectors already). Needs max_bits < len(BANDS).
    """
    assert max_bits < len(BANDS)
    u = hashes.view(np.uint64)
    ones = np.bitwise_count(u).astype(np.int16)
    informative = (ones >= MIN_INFO_BITS) & (ones <= 64 - MIN_INFO_BITS)
    out_a: list[npt.NDArray[np.intp]] = []
    out_b: list[npt.NDArray[np.intp]] = []
    shift = 64
    for width in BANDS:
        if cancel is not None:
            cancel.checkpoint()
        shift -= width
        band = (u >> np.uint64(shift)) & np.uint64((1 << width) - 1)
        members = np.flatnonzero(informative)
        order = members[np.argsort(band[members], kind="stable")]
        keys = band[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], len(order)]
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            if e - s < 2:
                continue
            bucket = order[s:e]
            left = bucket if queries is None else bucket[queries[bucket]]
            if left.size == 0:
                continue
            # every (query, member) pair of the bucket, a few million at a time
            step = max(1, PAIRS_AT_ONCE // bucket.size)
            for q0 in range(0, left.size, step):
                q = left[q0 : q0 + step]
                a = np.repeat(q, bucket.size)
                b = np.tile(bucket, q.size)
                keep = (a != b) & (hamming_many(hashes[a], hashes[b]) <= max_bits)
                a, b = a[keep], b[keep]
                out_a.append(np.minimum(a, b))
                out_b.append(np.maximum(a, b))
    if not out_a:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    return np.concatenate(out_a), np.concatenate(out_b)


def group_pairs(n: int, a: npt.NDArray[np.intp], b: npt.NDArray[np.intp]) -> list[list[int]]:
    """Connected groups (size >= 2) of ``n`` items joined by the pairs (a[k], b[k])."""
    if a.size:
        pairs = np.unique(np.stack([a, b], axis=1), axis=0)
        a, b = pairs[:, 0], pairs[:, 1]
    uf = _UnionFind(n)
    uf.union_many(a, b)
    return uf.components()


def best_first(files: Sequence[DuplicateFile]) -> tuple[DuplicateFile, ...]:
    """The copy to keep first: most pixels, then the largest file (then by path)."""
    return tuple(sorted(files, key=lambda f: (-(f.width * f.height), -f.size, f.path)))


def _dup_file(r: FileRecord) -> DuplicateFile:
    return DuplicateFile(r.path, r.file_id, r.size, r.width, r.height, r.taken_at, r.mtime)


def find_duplicates(
    records: Sequence[FileRecord],
    vectors: tuple[Sequence[str], npt.NDArray[np.float32]] | None,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> DuplicateReport:
    """Groups of near-identical photos among ``records``.

    ``vectors`` are (file ids, matrix) of the active image pack, or None without one. Photos
    with a vector are paired by cosine >= MIN_COSINE confirmed by at most MAX_BITS differing
    hash bits; photos without one (no pack, or not yet embedded) by the hash alone.
    Photos without a hash are left out (counted in ``unhashed``).
    """
    t0 = time.perf_counter()
    photos = [r for r in records if r.kind == Kind.PHOTO and r.dhash is not None]
    unhashed = sum(1 for r in records if r.kind == Kind.PHOTO and r.dhash is None)
    n = len(photos)
    hashes = np.fromiter((int(r.dhash or 0) for r in photos), dtype=np.int64, count=n)
    has_vec = np.zeros(n, dtype=bool)
    pairs_a: list[npt.NDArray[np.intp]] = []
    pairs_b: list[npt.NDArray[np.intp]] = []
    if vectors is not None and len(vectors[0]):
        row_of = {fid: i for i, fid in enumerate(vectors[0])}
        pos = np.fromiter((row_of.get(r.file_id, -1) for r in photos), dtype=np.intp, count=n)
        has_vec = pos >= 0
        with_vec = np.flatnonzero(has_vec)
        a, b = vector_pairs(
            vectors[1][pos[with_vec]], hashes[with_vec], cancel=cancel, progress=progress
        )
        pairs_a.append(with_vec[a])
        pairs_b.append(with_vec[b])
    if not has_vec.all():
        a, b = hash_pairs(hashes, queries=None if not has_vec.any() else ~has_vec, cancel=cancel)
        pairs_a.append(a)
        pairs_b.append(b)
    a = np.concatenate(pairs_a) if pairs_a else np.zeros(0, dtype=np.intp)
    b = np.concatenate(pairs_b) if pairs_b else np.zeros(0, dtype=np.intp)
    groups = [
        DuplicateGroup(best_first([_dup_file(photos[i]) for i in members]))
        for members in group_pairs(n, a, b)
    ]
    # the most space to win first; then the newest
    groups.sort(key=lambda g: (-g.reclaimable, -g.files[0].when, g.files[0].path))
    return DuplicateReport(
        tuple(groups),
        photos=n,
        unhashed=unhashed,
        by_vectors=bool(has_vec.any()),
        elapsed_ms=(time.perf_counter() - t0) * 1000,
    )


def fold_duplicates(
    hits: Sequence[Hit],
    store: Store,
    image_encoder: ImageEncoder | None,
    known: dict[str, int] | None = None,
) -> list[Hit]:
    """Fold near-duplicate photo hits into the best-ranked one (its ``stack`` lists the rest).

    Reads only the hits' hashes and vectors, so it costs a few milliseconds per query.
    """
    photo_ids = [h.file_id for h in hits if h.kind == Kind.PHOTO and h.file_id]
    if len(photo_ids) < 2:
        return list(hits)
    if known is None:  # the search passes the hashes its row read already carried
        known = store.files.dhashes(photo_ids)
    ids = [fid for fid in photo_ids if fid in known]
    if len(ids) < 2:
        return list(hits)
    hashes = np.asarray([known[fid] for fid in ids], dtype=np.int64)
    a = b = np.zeros(0, dtype=np.intp)
    vecs = store.images.vectors(ids, image_encoder.pack_id) if image_encoder is not None else {}
    with_vec = np.asarray([fid in vecs for fid in ids], dtype=bool)
    if with_vec.any():
        idx = np.flatnonzero(with_vec)
        m = np.stack([vecs[ids[i]] for i in idx])
        va, vb = vector_pairs(m, hashes[idx])
        a, b = idx[va], idx[vb]
    if not with_vec.all():
        ha, hb = hash_pairs(hashes, queries=None if not with_vec.any() else ~with_vec)
        a, b = np.r_[a, ha].astype(np.intp), np.r_[b, hb].astype(np.intp)
    groups = group_pairs(len(ids), a, b)
    if not groups:
        return list(hits)
    rank = {h.file_id: i for i, h in enumerate(hits)}
    leader_of: dict[str, str] = {}  # folded file id -> the best-ranked file id of its group
    for members in groups:
        fids = sorted((ids[i] for i in members), key=rank.__getitem__)
        for fid in fids[1:]:
            leader_of[fid] = fids[0]
    stacks: dict[str, list[str]] = {}
    for h in hits:
        if h.file_id in leader_of:
            stacks.setdefault(leader_of[h.file_id], []).append(h.path)
    return [
        replace(h, stack=tuple(stacks[h.file_id])) if h.file_id in stacks else h
        for h in hits
        if h.file_id not in leader_of
    ]
