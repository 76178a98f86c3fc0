"""`trove cluster index`: plan on the driver, read and embed on Ray Data, write Lance datasets.

The driver finds the changes (core.indexing.changes, the app's move rule) against the
library's files table and applies moves and deletions through core.store. The files to read
go through Ray Data a slice at a time: extraction in tasks (core.indexing.pipeline's own
reading of a file), the int8 towers in actors with fractional CPUs, then each slice is written
with lance-ray: vectors and passages first, the files rows last. A file's row marks it done,
and its id is made from its path, size and mtime, so a rerun after a killed job deletes what
the killed slice left and writes each file once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.cluster.source import content_hash, list_source, local_copy, whole_hash
from desktop_app.cluster.storage import ClusterError, check_conditional_put
from desktop_app.core.store.connection import library_uri
from desktop_app.core.types import FileStatus, Kind, Phase, Problem, Progress, ScannedFile

log = logging.getLogger(__name__)

SLICE_FILES = 2_000  # files per write: one commit per table, a bounded amount held in Ray
EXTRACT_BATCH = 8  # files per extraction task
EMBED_BATCH = 16  # files per call of an actor's towers
LANGUAGES = "languages"  # the meta key core.store.passages keeps the passages' languages in


@dataclass(frozen=True)
class JobOptions:
    source: str
    to: str
    packs_dirs: tuple[Path, ...]
    ray_address: str | None = None
    image_pack: str | None = None
    document_pack: str | None = None
    slice_files: int = SLICE_FILES
    actors: int = 0  # 0: one per two CPUs of the cluster, at least one
    actor_cpus: float = 0.5  # whole-CPU actors starve the read tasks on small clusters
    extract_cpus: float = 0.5
    build_indexes: bool = True


@dataclass
class JobSummary:
    added: int = 0
    changed: int = 0
    moved: int = 0
    deleted: int = 0
    unchanged: int = 0
    written: int = 0
    failed: int = 0
    embedded: int = 0
    problems: list[Problem] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0


def file_id_for(f: ScannedFile) -> str:
    """A file's id from what it is on disk: a rerun of a killed job gives the same file the same
    id, so the rows its killed slice left behind are found and replaced."""
    key = f"{f.path}\0{f.size}\0{f.mtime!r}".encode()
    return hashlib.blake2b(key, digest_size=16).hexdigest()


# --- the packs, shipped to every node through Ray's object store -----------------------


@dataclass(frozen=True)
class PackFiles:
    """A pack folder's files as bytes: nodes need not share a disk with the driver."""

    name: str
    pack_id: str
    files: tuple[tuple[str, bytes], ...]


def _pack_files(folder: str, name: str, pack_id: str) -> PackFiles:
    d = Path(folder)
    return PackFiles(
        name, pack_id, tuple((p.name, p.read_bytes()) for p in sorted(d.iterdir()) if p.is_file())
    )


_PACK_DIRS: dict[str, Path] = {}


def _unpacked(packs: Sequence[PackFiles]) -> Path:
    """The packs laid out in a folder of this worker process (once per process); the pack
    manager checks every file's sha256 when it loads one."""
    key = ",".join(sorted(p.pack_id for p in packs))
    have = _PACK_DIRS.get(key)
    if have is not None and have.is_dir():
        return have
    root = Path(tempfile.mkdtemp(prefix="trove-packs-"))
    for p in packs:
        (root / p.name).mkdir()
        for fname, data in p.files:
            (root / p.name / fname).write_bytes(data)
    _PACK_DIRS[key] = root
    return root


def _encoders(packs: Sequence[PackFiles], image: str | None, text: str | None) -> tuple[Any, Any]:
    from desktop_app.core.packs.registry import PackManager

    manager = PackManager([_unpacked(packs)], threads=1, image_threads=1)
    img = manager.image_encoder(image) if image else None
    doc = manager.document_encoder(text) if text else None
    return img, doc


# --- the stages on Ray ----------------------------------------------------------------


def extract_batch(
    batch: dict[str, Any], packs: Sequence[PackFiles], image: str | None
) -> dict[str, Any]:
    """A Ray Data task: read each file as the app does (core.indexing.pipeline), from a local
    copy when it lies on object storage; pixels go on as raw float32 bytes and their shape."""
    from desktop_app.core.indexing.pipeline import Pipeline, Work

    image_enc, _ = _encoders(packs, image, None)
    pipeline = Pipeline(None, image_enc)  # type: ignore[arg-type]  # reads only, no store
    out: dict[str, list[Any]] = {"record": [], "chunks": [], "pixels": [], "shape": []}
    out["problem"] = []
    for item in _rows(batch):
        f = ScannedFile(item["path"], item["root"], Kind(item["kind"]), item["size"], item["mtime"])
        chunks: list[dict[str, Any]] = []
        px = None
        try:
            with local_copy(f.path) as local:
                done = pipeline.extract(Work(dataclasses.replace(f, path=local), item["id"]))
            rec = dataclasses.replace(
                done.record, path=f.path, name=os.path.basename(f.path), root=f.root
            )
            problem = done.problem
            chunks = [dataclasses.asdict(c) for c in done.chunks]
            px = done.pixels
        except OSError as exc:  # a remote file gone or unreadable: recorded, not fatal
            problem = f"could not be read ({exc})"
            rec = _failed_record(f, item["id"], problem)
        out["record"].append(json.dumps(_record_dict(rec)))
        out["chunks"].append(json.dumps(chunks))
        out["pixels"].append(b"" if px is None else px.astype("float32").tobytes())
        out["shape"].append("" if px is None else ",".join(map(str, px.shape)))
        out["problem"].append(problem)
    return out


class Embed:
    """A Ray actor holding the int8 towers (one thread each): image vectors for photos, passage
    vectors for documents; returns one row per file, in Arrow, vectors as FixedSizeList."""

    def __init__(self, packs: Sequence[PackFiles], image: str | None, text: str | None) -> None:
        self.image_enc, self.text_enc = _encoders(packs, image, text)

    def __call__(self, batch: Any) -> Any:
        import numpy as np
        import pyarrow as pa

        from desktop_app.core.store.files import file_row
        from desktop_app.core.store.passages import passage_row
        from desktop_app.core.types import Chunk, FileRecord, PassageSource

        rows = batch.to_pylist()
        recs = [_record_from(json.loads(r["record"]), FileRecord) for r in rows]
        image_vecs: dict[int, Any] = {}
        photos = [i for i, r in enumerate(rows) if r["pixels"]]
        if photos and self.image_enc is not None:
            shape = tuple(int(x) for x in rows[photos[0]]["shape"].split(","))
            px = np.stack(
                [np.frombuffer(rows[i]["pixels"], dtype=np.float32).reshape(shape) for i in photos]
            )
            for i, v in zip(photos, self.image_enc.encode_pixels(px), strict=True):
                image_vecs[i] = v
        passages: list[list[dict[str, Any]]] = []
        for i, r in enumerate(rows):
            chunks = [
                Chunk(**{**c, "source": PassageSource(c["source"])})
                for c in json.loads(r["chunks"])
            ]
            if chunks and self.text_enc is not None:
                vecs = self.text_enc.encode_texts([c.text for c in chunks])
                passages.append(
                    [
                        passage_row(recs[i].file_id, c, v, self.text_enc.pack_id)
                        for c, v in zip(chunks, vecs, strict=True)
                    ]
                )
                recs[i] = dataclasses.replace(recs[i], status=FileStatus.OK)
            else:
                passages.append([])
        files = [json.dumps(file_row(r), default=float) for r in recs]
        idim = self.image_enc.dim if self.image_enc is not None else 1
        tdim = self.text_enc.dim if self.text_enc is not None else 1
        image_col = pa.FixedSizeListArray.from_arrays(
            pa.array(
                np.concatenate(
                    [
                        np.asarray(image_vecs.get(i, np.zeros(idim)), np.float32)
                        for i in range(len(rows))
                    ]
                )
                if rows
                else np.zeros(0, np.float32),
                pa.float32(),
            ),
            idim,
        )
        return pa.table(
            {
                "file_id": [r.file_id for r in recs],
                "file": files,
                "problem": [r["problem"] for r in rows],
                "has_image": [i in image_vecs for i in range(len(rows))],
                "image_pack": [self.image_enc.pack_id if self.image_enc else ""] * len(rows),
                "image_vector": image_col,
                "passages": pa.array(
                    [[{**p, "vector": p["vector"].tolist()} for p in ps] for ps in passages],
                    type=pa.list_(_passage_struct(tdim)),
                ),
            }
        )


def _passage_struct(dim: int) -> Any:
    import pyarrow as pa

    from desktop_app.core.store import schema

    return pa.struct(list(schema.chunks_schema(dim)))


def _rows(batch: dict[str, Any]) -> list[dict[str, Any]]:
    keys = list(batch)
    n = len(batch[keys[0]]) if keys else 0
    return [{k: _plain(batch[k][i]) for k in keys} for i in range(n)]


def _plain(v: Any) -> Any:
    return v.item() if hasattr(v, "item") else v


def _record_dict(rec: Any) -> dict[str, Any]:
    d = dataclasses.asdict(rec)
    d["kind"], d["status"] = str(rec.kind), str(rec.status)
    return d


def _record_from(d: dict[str, Any], cls: Any) -> Any:
    return cls(**{**d, "kind": Kind(d["kind"]), "status": FileStatus(d["status"])})


def _failed_record(f: ScannedFile, file_id: str, reason: str) -> Any:
    from desktop_app.core.indexing.pipeline import record_fields
    from desktop_app.core.types import FileRecord

    return FileRecord(**record_fields(f, file_id, ""), status=FileStatus.FAILED, problem=reason)


# --- the job --------------------------------------------------------------------------


def run(opts: JobOptions, progress: Callable[[Progress], None] | None = None) -> JobSummary:
    """Bring the library at ``opts.to`` up to date with ``opts.source``."""
    from desktop_app.core.indexing.changes import from_scan
    from desktop_app.core.store.api import StoreError
    from desktop_app.core.store.index_store import IndexStore

    started = time.monotonic()
    uri = library_uri(opts.to)
    check_conditional_put(uri)
    store = IndexStore(uri)
    try:
        store.open()
    except StoreError as exc:
        raise ClusterError(str(exc)) from exc
    summary = JobSummary()
    try:
        root, disk = list_source(opts.source)
        known = store.files.known(under=root)
        changes = from_scan(disk, known, hasher=content_hash, confirm=whole_hash)
        summary.added, summary.changed = len(changes.added), len(changes.changed)
        summary.moved, summary.deleted = len(changes.moved), len(changes.deleted)
        summary.unchanged = changes.unchanged
        # a moved file keeps its id, vectors and passages: its row is re-pointed
        store.files.move([(k.file_id, f.path, f.root, f.mtime) for k, f in changes.moved])
        # a changed file is read again under a new id: its old rows go first
        store.remove_files(
            [k.file_id for k in changes.deleted] + [k.file_id for k, _ in changes.changed]
        )
        store.problems.clear([k.path for k in changes.deleted] + [k.path for k, _ in changes.moved])
        work = list(changes.added) + [f for _, f in changes.changed]
        started_ray = _ray_init(opts.ray_address) if work or opts.build_indexes else False
        try:
            if work:
                _read(store, uri, work, opts, summary, progress)
            if opts.build_indexes and (work or changes.work):
                from desktop_app.cluster.indexes import build_indexes

                summary.indexes = build_indexes(uri)
        finally:
            if started_ray:
                import ray

                ray.shutdown()
    finally:
        store.close()
    summary.elapsed_s = time.monotonic() - started
    return summary


def _packs(opts: JobOptions) -> tuple[list[PackFiles], str | None, str | None, int, int]:
    from desktop_app.core.packs.registry import PackManager

    manager = PackManager(list(opts.packs_dirs))
    infos = manager.list_packs()
    image = [p for p in infos if "vision" in p.towers]
    text = [p for p in infos if p.family == "sentence"]
    if opts.image_pack:
        image = [p for p in image if p.name == opts.image_pack]
    if opts.document_pack:
        text = [p for p in text if p.name == opts.document_pack]
    if not image and not text:
        raise ClusterError(
            "no model pack is installed: install one (`trove models`), or name a folder of "
            "packs with --packs"
        )
    chosen = image[:1] + text[:1]
    shipped = [_pack_files(p.path, p.name, p.pack_id) for p in chosen]
    idim = image[0].dim if image else 0
    tdim = text[0].dim if text else 0
    return (shipped, image[0].name if image else None, text[0].name if text else None, idim, tdim)


def _ray_init(address: str | None) -> bool:
    """Connect to the cluster (or start a local one); True when this call started Ray."""
    import ray

    if ray.is_initialized():
        return False
    ray.init(address=address, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # the job reports its own progress, per slice
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return True


def _read(
    store: Any,
    uri: str,
    work: list[ScannedFile],
    opts: JobOptions,
    summary: JobSummary,
    progress: Callable[[Progress], None] | None,
) -> None:
    import ray

    shipped, image, text, idim, tdim = _packs(opts)
    packs_ref = ray.put(shipped)
    cpus = float(ray.cluster_resources().get("CPU", 1.0))  # type: ignore[no-untyped-call]
    actors = opts.actors or max(1, int(cpus // 2))
    done, t0 = 0, time.monotonic()
    for start in range(0, len(work), opts.slice_files):
        part = work[start : start + opts.slice_files]
        ids = [file_id_for(f) for f in part]
        # rows a killed run left under these ids (vectors written, files rows not)
        store.images.delete(ids)
        store.passages.delete(ids)
        table = _run_slice(part, ids, packs_ref, image, text, actors, opts)
        _write_slice(store, uri, table, idim, tdim, summary)
        done += len(part)
        rate = done / max(1e-6, time.monotonic() - t0)
        if progress is not None:
            progress(
                Progress(
                    Phase.INDEXING,
                    done,
                    len(work),
                    summary.failed,
                    rate,
                    (len(work) - done) / rate if rate > 0 else None,
                    part[-1].path,
                )
            )


def _run_slice(
    part: list[ScannedFile],
    ids: list[str],
    packs_ref: Any,
    image: str | None,
    text: str | None,
    actors: int,
    opts: JobOptions,
) -> Any:
    import pyarrow as pa
    import ray

    items = [
        {
            "id": fid,
            "path": f.path,
            "root": f.root,
            "kind": str(f.kind),
            "size": f.size,
            "mtime": f.mtime,
        }
        for f, fid in zip(part, ids, strict=True)
    ]
    shipped = ray.get(packs_ref)
    ds: Any = ray.data.from_items(items, override_num_blocks=max(1, len(items) // EXTRACT_BATCH))
    ds = ds.map_batches(
        extract_batch,
        fn_kwargs={"packs": shipped, "image": image},
        batch_size=EXTRACT_BATCH,
        num_cpus=opts.extract_cpus,
        max_retries=3,
    )
    ds = ds.map_batches(
        Embed,
        fn_constructor_args=(shipped, image, text),
        batch_size=EMBED_BATCH,
        batch_format="pyarrow",
        num_cpus=opts.actor_cpus,
        compute=ray.data.ActorPoolStrategy(size=actors),
        max_task_retries=3,
        max_restarts=3,
    )
    tables = list(ds.iter_batches(batch_format="pyarrow", batch_size=None))
    return pa.concat_tables(tables) if tables else None


def _write_slice(
    store: Any, uri: str, table: Any, idim: int, tdim: int, summary: JobSummary
) -> None:
    """Vectors and passages first, the files rows last (the mark that a file is done)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from desktop_app.core.store import schema

    if table is None or table.num_rows == 0:
        return
    photos = table.filter(table.column("has_image"))
    if photos.num_rows:
        images = pa.table(
            {
                "file_id": photos.column("file_id"),
                "pack_id": photos.column("image_pack"),
                "vector": photos.column("image_vector"),
            },
            schema=schema.images_schema(idim),
        )
        _append(f"{uri}/images_{idim}.lance", images)
        summary.embedded += photos.num_rows
    passages = pc.list_flatten(table.column("passages"))
    if len(passages):
        chunks = pa.Table.from_struct_array(passages.combine_chunks()).cast(
            schema.chunks_schema(tdim)
        )
        _append(f"{uri}/chunks_{tdim}.lance", chunks)
        langs = set(chunks.column("lang").to_pylist()) - {""}
        have = set((store.meta.get(LANGUAGES) or "").split(",")) - {""}
        if langs - have:
            store.meta.set(LANGUAGES, ",".join(sorted(have | langs)))
    rows = [json.loads(s) for s in table.column("file").to_pylist()]
    _append(f"{uri}/files.lance", pa.Table.from_pylist(rows, schema=schema.files_schema()))
    problems = [
        Problem(r["path"], p, time.time())
        for r, p in zip(rows, table.column("problem").to_pylist(), strict=True)
        if p
    ]
    store.problems.record(problems)
    summary.written += len(rows)
    summary.failed += len(problems)
    summary.problems.extend(problems)


def _append(uri: str, table: Any) -> None:
    """Append a slice's rows in one commit (a conditional put of the next version: a
    concurrent job's commit makes Lance rebase and retry, never overwrite). Lance creates
    the dataset on the first append. A slice is bounded, so the driver writes it: lance-ray's
    distributed write could drop rows on a retried task (lance-ray #5290)."""
    import lance

    lance.write_dataset(table, uri, mode="append", max_rows_per_file=1 << 20)
