"""`trove index | search | status | problems | watch | forget`: the engine without a window."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from desktop_app.commands.common import (
    CommandError,
    app_paths,
    app_settings,
    engine_config,
    print_json,
    print_summary,
    store_settings,
)
from desktop_app.core.fspath import folder_of
from desktop_app.core.types import Origin, Phase, Stage
from desktop_app.core.units import human_size

T = TypeVar("T")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("index", help="watch these folders and bring the index up to date")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_index)

    p = sub.add_parser(
        "search",
        help="search the index",
        epilog="A query that starts with a dash goes after --: trove search -- --preserve-root",
    )
    p.add_argument("query", nargs="?", default="")
    p.add_argument(
        "--image",
        help="an image file to search with; words with it modify it ('at night', '-people')",
    )
    p.add_argument(
        "--strength",
        type=float,
        default=1.0,
        help="how far the words move an --image query, 0 (the image alone) to 3 (default 1)",
    )
    p.add_argument("--type", choices=("photo", "document", "any"), default="any")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument(
        "--library",
        action="append",
        default=[],
        metavar="URI",
        help="also search the shared library at URI (s3://bucket/prefix or a folder written by "
        "`trove cluster index`), read-only, in one ranking with the local index; repeatable",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("status", help="watched folders, counts, packs and index size")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("problems", help="files that could not be indexed, and why")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_problems)

    p = sub.add_parser(
        "duplicates", help="groups of near-identical photos (bursts, edits, resized copies)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_duplicates)

    p = sub.add_parser("watch", help="keep the index current until interrupted (headless)")
    p.set_defaults(handler=cmd_watch)

    p = sub.add_parser("forget", help="stop watching a folder and drop its files from the index")
    p.add_argument("path")
    p.set_defaults(handler=cmd_forget)


def open_engine(read_only: bool, roots: list[str] | None = None) -> tuple[Any, Any, Any]:
    from desktop_app.core.engine import EngineError, TroveEngine
    from desktop_app.log import setup_logging

    paths = app_paths()
    setup_logging(paths)
    settings = app_settings(paths)
    engine = TroveEngine(engine_config(paths, settings, roots))
    try:
        engine.open(read_only=read_only)
    except EngineError as exc:
        raise CommandError(str(exc)) from exc
    return engine, paths, settings


def with_engine(read_only: bool, work: Callable[[Any], T]) -> T:
    """Open the engine, run ``work`` on it and close it; its errors become one-line errors."""
    from desktop_app.core.engine import EngineError

    engine, _, _ = open_engine(read_only=read_only)
    try:
        return work(engine)
    except EngineError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        engine.close()


class _Bar:
    """A one-line progress display on a terminal (stderr); silent when not a TTY."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, p: Any) -> None:
        if not self.tty:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and p.done != p.total:
            return
        self.last = now
        if p.phase == Phase.INDEXING and p.total and not p.message:
            eta = f", {_fmt_s(p.eta_s)} left" if p.eta_s else ""
            if p.stage == Stage.NEW_DOCUMENT_PACK:
                line = f"new document model: passage {p.done}/{p.total} ({p.rate:.0f}/s{eta})"
            elif p.stage == Stage.MEANING:
                line = f"adding meaning: passage {p.done}/{p.total} ({p.rate:.0f}/s{eta})"
            else:
                line = (
                    f"reading (words first) {p.done}/{p.total} ({p.rate:.1f}/s{eta}) "
                    f"{os.path.basename(p.current)}"
                )
        else:
            line = p.message or p.phase
        sys.stderr.write("\r\033[K" + line[:120])
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _fmt_s(s: float | None) -> str:
    if s is None:
        return "?"
    s = int(s)
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


def cmd_index(args: argparse.Namespace) -> int:
    roots = []
    for p in args.paths:
        ap = os.path.abspath(os.path.expanduser(p))
        if not os.path.isdir(ap):
            raise CommandError(f"{p}: no such folder")
        roots.append(ap)
    paths = app_paths()
    settings = app_settings(paths)
    for r in roots:
        settings.add_root(r)
    engine, paths, _ = open_engine(read_only=False, roots=list(settings.roots))
    store_settings(settings, paths)
    from desktop_app.core.engine import EngineError

    bar = _Bar()
    try:
        summary = engine.index(roots, progress=bar)
    except EngineError as exc:  # e.g. a full disk: what was indexed before stays searchable
        raise CommandError(str(exc)) from exc
    finally:
        bar.done()
        engine.close()
    print_summary(
        summary,
        args.json,
        f"Indexed {len(roots)} folder(s) in {summary.elapsed_s:.1f} s: {summary.added} added, "
        f"{summary.changed} changed, {summary.moved} moved, {summary.deleted} deleted, "
        f"{summary.unchanged} unchanged; {summary.embedded} vectors computed.",
        " (see `trove problems`)",
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desktop_app.core.search.query import parse_query
    from desktop_app.core.types import Kind

    if not args.query.strip() and not args.image:
        raise CommandError("give a query, an --image, or both", 2)
    if args.limit < 1:
        raise CommandError("--limit must be at least 1", 2)
    image = os.path.abspath(args.image) if args.image else None
    if image and not os.path.isfile(image):
        raise CommandError(f"{args.image}: no such image file", 2)
    q = parse_query(args.query, image_path=image, limit=args.limit, strength=args.strength)
    if args.type != "any":
        from dataclasses import replace

        q = replace(q, kinds=(Kind(args.type),))
    result = with_engine(True, lambda engine: _search_all(engine, q, args.library))
    from desktop_app.core.search.highlight import excerpt

    if args.json:
        print_json(
            [
                {
                    "path": h.path,
                    "kind": str(h.kind),
                    **({"stack": list(h.stack)} if h.stack else {}),
                    "score": h.score,
                    "why": h.why,
                    "reason": {
                        "origin": str(h.reason.origin),
                        "source": str(h.reason.source),
                        "page": h.reason.page,
                    },
                    "snippet": h.snippet,
                    "page": h.page,
                    "matched_terms": list(h.matched_terms),
                    "sources": list(h.sources),
                    **({"place": h.place} if h.place else {}),
                    "confidence": h.confidence,
                    "strong": h.strong,
                    **({"library": h.library} if h.library else {}),
                }
                for h in result.hits
            ]
        )
        return 0
    for n in result.notes:
        print(f"note: {n}", file=sys.stderr)
    if not result.hits:
        print("No matches.")
        return 0
    if not result.confident:
        print("No confident match. The closest files:")
    for i, h in enumerate(result.hits, 1):
        if i == result.strong_count + 1 and result.confident:
            print("  ── weaker matches ──")
        where = f"  [{h.library}]" if h.library else ""
        print(f"{i:>3}. {h.score:.3f}  {h.path}{where}")
        detail = h.why
        if h.place and h.reason.origin != Origin.PLACE:
            detail += f" · {h.place}"
        if h.snippet and h.reason.origin != Origin.OCR:  # an OCR hit quotes its line already
            detail += f': "{excerpt(h.snippet, q.terms)}"'
        if h.stack:
            detail += f" (+{len(h.stack)} near-duplicate{'s' if len(h.stack) > 1 else ''})"
        print(f"       {detail}")
    print(f"({len(result.hits)} results in {result.elapsed_ms:.0f} ms)", file=sys.stderr)
    return 0


def _search_all(engine: Any, q: Any, libraries: list[str]) -> Any:
    """The local index's result, with the shared libraries' hits in the same ranking."""
    result = engine.search(q)
    if not libraries:
        return result
    from desktop_app.core.search.libraries import merge
    from desktop_app.core.store.connection import library_uri

    answers = [engine.search_library(library_uri(u), q) for u in libraries]
    return merge(result, answers, q.limit)


def cmd_status(args: argparse.Namespace) -> int:
    st = with_engine(True, lambda engine: engine.status())
    if args.json:
        d = asdict(st)
        d["problem_count"] = st.failed
        print_json(d)
        return 0
    print(f"Index: {st.index_dir} ({st.size_bytes / 1e6:.1f} MB)")
    print(
        f"Photos: {st.photos}   Documents: {st.documents} "
        f"({st.passages + st.passages_waiting} passages)   Problems: {st.failed}"
    )
    if st.passages or st.passages_waiting:
        later = "to come" if st.document_pack else "need a document pack"
        waiting = f" ({st.passages_waiting} waiting for vectors: {later})"
        print(
            f"Passages: {st.passages + st.passages_waiting} searchable by words, "
            f"{st.passages} by meaning too{waiting if st.passages_waiting else ''}"
        )
    print(f"Document pack: {st.document_pack or 'none (run: trove models build minilm-l6)'}")
    print(f"Image pack: {st.image_pack or 'none (photos found by name, date and text)'}")
    if st.pending_vectors:
        print(f"Waiting for vectors: {st.pending_vectors} file(s)")
    if st.ocr_read or st.ocr_pending:
        state = "" if st.ocr_enabled else " (switched off in the settings)"
        print(f"Text in pictures: read in {st.ocr_read} file(s), {st.ocr_pending} waiting{state}")
    for pack, n in sorted(st.vectors_per_pack.items()):
        print(f"  vectors by {pack}: {n}")
    for text in st.notices:
        print(f"Note: {text}")
    print("Watched folders:" if st.roots else "No watched folders yet: trove index FOLDER")
    for r in st.roots:
        print(
            f"  {r.path}  ({r.photos} photos, {r.documents} documents, {r.failed} problems) [{r.state}]"
        )
    return 0


def cmd_problems(args: argparse.Namespace) -> int:
    probs = with_engine(True, lambda engine: engine.problems())
    if args.json:
        print_json([asdict(p) for p in probs])
        return 0
    if not probs:
        print("No problems.")
    for p in probs:
        print(f"{p.path}: {p.reason}")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from desktop_app.core.cancel import CancelToken

    engine, _, settings = open_engine(read_only=False)
    if not settings.roots:
        engine.close()
        raise CommandError("no watched folders yet: add one with `trove index FOLDER`")
    cancel = CancelToken()

    def stop(_sig: int, _frame: Any) -> None:
        cancel.cancel()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    def report(p: Any) -> None:
        if p.message:
            print(p.message, file=sys.stderr, flush=True)

    print(
        f"Watching {len(settings.roots)} folder(s); press Ctrl+C to stop.",
        file=sys.stderr,
        flush=True,
    )
    from desktop_app.core.engine import EngineError

    try:
        engine.watch(progress=report, cancel=cancel)
    except EngineError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        engine.close()
    print("Stopped.", file=sys.stderr)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    root = os.path.abspath(os.path.expanduser(args.path))
    paths = app_paths()
    settings = app_settings(paths)
    was_root = settings.remove_root(root)
    n = with_engine(False, lambda engine: engine.forget(root))
    if not was_root and n == 0:
        holder = folder_of(root, settings.roots)
        if holder is not None:
            raise CommandError(
                f"{args.path} is watched as part of {holder}: forget {holder}, or skip it "
                "with an exclusion pattern (Watched folders dialog)"
            )
        raise CommandError(f"{args.path} is not a watched folder")
    store_settings(settings, paths)
    print(f"Forgot {root}: {n} file(s) removed from the index.")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    report = with_engine(True, lambda engine: engine.duplicates(compute_missing=True))
    if args.json:
        print_json(
            {
                "photos": report.photos,
                "by_vectors": report.by_vectors,
                "elapsed_ms": round(report.elapsed_ms, 1),
                "reclaimable": sum(g.reclaimable for g in report.groups),
                "groups": [
                    {
                        "reclaimable": g.reclaimable,
                        "files": [
                            {
                                "path": f.path,
                                "size": f.size,
                                "width": f.width,
                                "height": f.height,
                                "date": _iso_date(f.when),
                            }
                            for f in g.files
                        ],
                    }
                    for g in report.groups
                ],
            }
        )
        return 0
    if not report.groups:
        print(f"No near-duplicates among {report.photos} photos.")
        return 0
    for n, g in enumerate(report.groups, 1):
        print(f"{n:>3}. {len(g.files)} copies, {human_size(g.reclaimable)} to free")
        for i, f in enumerate(g.files):
            mark = "keep" if i == 0 else "    "
            dims = f"{f.width}x{f.height}" if f.width else "?"
            print(f"     {mark} {_iso_date(f.when)}  {dims:>11}  {human_size(f.size):>9}  {f.path}")
    total = sum(g.reclaimable for g in report.groups)
    how = "image vectors and perceptual hashes" if report.by_vectors else "perceptual hashes"
    print(
        f"({len(report.groups)} groups among {report.photos} photos, {human_size(total)} to "
        f"free; by {how}, in {report.elapsed_ms:.0f} ms)",
        file=sys.stderr,
    )
    return 0


def _iso_date(when: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(when)) if when else ""
