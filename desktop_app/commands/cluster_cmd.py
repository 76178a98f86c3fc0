"""`trove cluster index SOURCE --to URI`: index a library too large for one computer on a Ray
cluster (the optional `[cluster]` extra: Ray is imported only when this command runs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands.common import CommandError, app_paths, print_summary

MISSING = (
    "the cluster commands need Trove's cluster extra: pip install 'trove[cluster]' "
    "(Ray, lance-ray, obstore)"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cluster", help="index a shared library on a Ray cluster")
    csub = p.add_subparsers(dest="cluster_command", metavar="ACTION", required=True)
    q = csub.add_parser(
        "index",
        help="read SOURCE on a Ray cluster and bring the shared library at URI up to date",
        epilog="S3 credentials, endpoint and region come from the usual AWS environment "
        "variables and files (AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, AWS_REGION, AWS_PROFILE, "
        "~/.aws/credentials); AWS_ALLOW_HTTP=true allows a plain-HTTP endpoint.",
    )
    q.add_argument("source", metavar="SOURCE", help="a folder, a NAS mount or s3://bucket/prefix")
    q.add_argument(
        "--to", required=True, metavar="URI", help="the library: s3://bucket/prefix or a folder"
    )
    q.add_argument("--ray", metavar="ADDRESS", help="a Ray cluster's address (default: local)")
    q.add_argument("--image-pack", help="the image pack to use (default: the installed one)")
    q.add_argument("--document-pack", help="the document pack to use")
    q.add_argument(
        "--packs", metavar="FOLDER", help="a folder of model packs (default: Trove's own)"
    )
    q.add_argument("--slice", type=int, default=0, help="files per write (default 2000)")
    q.add_argument("--json", action="store_true", help="print the summary as JSON")
    q.set_defaults(handler=cmd_cluster_index)


def cmd_cluster_index(args: argparse.Namespace) -> int:
    try:
        from desktop_app.cluster.job import SLICE_FILES, JobOptions, run
        from desktop_app.cluster.storage import ClusterError
    except ImportError as exc:
        raise CommandError(MISSING) from exc
    paths = app_paths()
    packs = (Path(args.packs),) if args.packs else (paths.packs_dir, paths.bundled_packs)
    opts = JobOptions(
        source=args.source,
        to=args.to,
        packs_dirs=packs,
        ray_address=args.ray,
        image_pack=args.image_pack,
        document_pack=args.document_pack,
        slice_files=args.slice or SLICE_FILES,
    )

    def report(p: object) -> None:
        eta = getattr(p, "eta_s", None)
        left = f", about {eta:.0f} s left" if eta else ""
        print(
            f"{p.done}/{p.total} files ({p.rate:.1f}/s{left}), {p.failed} failed",  # type: ignore[attr-defined]
            file=sys.stderr,
            flush=True,
        )

    try:
        summary = run(opts, report)
    except ClusterError as exc:
        raise CommandError(str(exc)) from exc
    print_summary(
        summary,
        args.json,
        f"Library {args.to} brought up to date in {summary.elapsed_s:.1f} s: {summary.added} "
        f"added, {summary.changed} changed, {summary.moved} moved, {summary.deleted} deleted, "
        f"{summary.unchanged} unchanged; {summary.written} files written, "
        f"{summary.embedded} photos embedded; indexes: {', '.join(summary.indexes) or 'none'}.",
    )
    return 0
