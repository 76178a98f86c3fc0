"""`trove models list | build | import | verify | remove`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from desktop_app.commands.common import CommandError, app_paths, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("models", help="list, build, import, verify or remove model packs")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    ls = msub.add_parser("list", help="installed model packs")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--presets", action="store_true", help="list the presets that can be built")
    ls.set_defaults(handler=_list)

    b = msub.add_parser(
        "build", help="export + int8-quantize + verify a pack (needs the export extra)"
    )
    b.add_argument(
        "preset", help="preset name (e.g. minilm-l6, clip-vit-b32) or the new pack's name"
    )
    b.add_argument(
        "--from-dir", help="a local folder saved with save_pretrained (CLIP or BERT-style)"
    )
    b.add_argument("--precision", choices=("int8", "fp32"), default="int8")
    b.add_argument(
        "--keep-fp32",
        action="store_true",
        help="ship the full-precision graphs beside the int8 ones, for computers whose "
        "processor runs the int8 ones inaccurately (bigger pack)",
    )
    b.add_argument("--out", help="folder to write the pack into (default: your packs folder)")
    b.set_defaults(handler=_build)

    i = msub.add_parser("import", help="install a pack from a folder or .zip (offline)")
    i.add_argument("path")
    i.set_defaults(handler=_import)

    v = msub.add_parser("verify", help="check an installed pack's files against its hashes")
    v.add_argument("name")
    v.set_defaults(handler=_verify)

    r = msub.add_parser("remove", help="remove an installed pack")
    r.add_argument("name")
    r.set_defaults(handler=_remove)


def _manager():  # type: ignore[no-untyped-def]
    from desktop_app.core.embed import PackManager

    paths = app_paths()
    return paths, PackManager(
        (paths.packs_dir, paths.bundled_packs), fidelity_file=paths.pack_checks_file
    )


def _list(args: argparse.Namespace) -> int:
    if args.presets:
        from models.registry import PRESETS

        rows = [{**asdict(p), "needs_network": p.needs_network} for p in PRESETS.values()]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                where = "online" if r["needs_network"] else "offline"
                print(
                    f"{r['name']:<26} {r['family']:<9} {r['dim']:>4}  {where:<7} {r['licence']:<11} {r['source']}"
                )
        return 0
    _, mgr = _manager()
    packs = mgr.list_packs()
    if args.json:
        print_json([asdict(p) for p in packs])
        return 0
    if not packs:
        print(
            "No model packs installed. Build the document encoder with: trove models build minilm-l6"
        )
        return 0
    for p in packs:
        where = "bundled" if p.bundled else "installed"
        print(
            f"{p.name:<22} {p.family:<9} {p.dim:>4}d  {p.precision:<5} {'+'.join(p.towers):<12} {where:<9} {p.pack_id}"
        )
    return 0


def _build(args: argparse.Namespace) -> int:
    try:
        from models.export import BuildError, build_pack, resolve_source
    except ImportError as exc:
        raise CommandError(
            f"building packs needs the export tools ({exc.name} is missing): "
            "pip install -e '.[export]'"
        ) from exc
    paths = app_paths()
    out = Path(args.out) if args.out else paths.packs_dir
    try:
        name, src, label = resolve_source(args.preset, args.from_dir)
        result = build_pack(
            name,
            src,
            out,
            precision=args.precision,
            source_label=label,
            log=lambda msg: print(f"  {msg}", file=sys.stderr),
            keep_fp32=args.keep_fp32,
        )
    except BuildError as exc:
        raise CommandError(str(exc)) from exc
    ver = result.manifest.get("verification", {})
    print(f"Built {result.manifest['pack_id']} in {result.pack_dir}")
    for key, val in ver.items():
        print(f"  {key}: {val}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    paths, mgr = _manager()
    try:
        info = mgr.import_pack(Path(args.path).expanduser(), paths.packs_dir)
    except PackError as exc:
        raise CommandError(f"cannot import pack: {exc}") from exc
    print(f"Installed {info.pack_id} ({info.family}, {info.dim} dimensions)")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    _, mgr = _manager()
    try:
        problems = mgr.verify(args.name)
    except PackError as exc:
        raise CommandError(str(exc)) from exc
    if problems:
        raise CommandError(f"pack {args.name} is damaged: " + "; ".join(problems))
    print(f"{args.name}: every file matches its hash")
    verdicts = mgr.check(args.name)
    if not verdicts:
        print("  no int8 check: the pack is fp32, or was built without reference outputs")
    for v in verdicts:
        figures = f"cosine mean {v.cosine_mean:.4f}, min {v.cosine_min:.4f}"
        if v.passed:
            print(f"  {v.tower}: int8 agrees with fp32 on this computer ({figures})")
        elif v.runs == "fp32":
            print(f"  {v.tower}: int8 is inaccurate here ({figures}); Trove uses the fp32 graph")
        else:
            print(
                f"  {v.tower}: int8 is inaccurate here ({figures}) and the pack has no fp32 "
                "graph; results may rank less well"
            )
    return 0


def _remove(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    _, mgr = _manager()
    try:
        mgr.remove(args.name)
    except PackError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Removed {args.name}")
    return 0
