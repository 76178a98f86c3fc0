"""`trove models list | download | use | import-files | build | import | verify | remove`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.commands.common import (
    CommandError,
    app_paths,
    app_settings,
    engine_config,
    print_json,
    store_settings,
)

if TYPE_CHECKING:
    from desktop_app.core.engine import TroveEngine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("models", help="list, download, build, import, verify or remove model packs")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    ls = msub.add_parser("list", help="installed model packs")
    ls.add_argument("--json", action="store_true")
    ls.add_argument(
        "--presets",
        action="store_true",
        help="the image and document models to download, and build presets",
    )
    ls.set_defaults(handler=_list)

    d = msub.add_parser(
        "download",
        help="get an image or document model: ready-made ONNX graphs from the model hub (or "
        "TROVE_HUB_URL), checked, converted to int8 and tested (no torch needed); a document "
        "model becomes the one documents are searched with",
    )
    d.add_argument(
        "preset",
        nargs="?",
        default=None,
        help="e.g. clip-vit-b32, multilingual-e5-small (see list --presets)",
    )
    _hub_options(d)
    d.set_defaults(handler=_download)

    u = msub.add_parser(
        "use",
        help="choose the installed document (or image) model that answers; passages (or "
        "photos) are re-embedded in the background while the old one keeps answering",
    )
    u.add_argument("name", help="an installed pack (see trove models list)")
    u.set_defaults(handler=_use)

    f = msub.add_parser(
        "import-files",
        help="the same from hub files downloaded on another computer (offline, same checks)",
    )
    f.add_argument("folder", help="folder holding the repositories' files (see the README)")
    f.add_argument("preset")
    _hub_options(f)
    f.add_argument(
        "--offline", action="store_true", help="never fetch the hub's file list to check files"
    )
    f.set_defaults(handler=_import_files)

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


def _hub_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--revision", help="a commit of the repository, for presets that pin none (Immich's)"
    )
    p.add_argument(
        "--keep-fp32",
        action="store_true",
        help="keep the full-precision towers beside the int8 ones (bigger pack)",
    )


def _engine() -> TroveEngine:
    """The engine owns the packs; these commands never open the index."""
    from desktop_app.core.engine import TroveEngine

    paths = app_paths()
    return TroveEngine(engine_config(paths, app_settings(paths)))


def _list(args: argparse.Namespace) -> int:
    if args.presets:
        return _list_presets(args.json)
    packs = _engine().packs()
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


def _list_presets(as_json: bool) -> int:
    from desktop_app.core.packs.get.hub import DEFAULT_PRESET, HUB_PRESETS

    hub: list[dict[str, Any]] = [
        {
            "name": p.name,
            "how": "download",
            "for": "documents" if p.for_documents else "photos",
            "languages": list(p.languages),
            "family": p.family,
            "dim": p.dim,
            "licence": p.licence,
            "download_mb": p.download_mb,
            "pack_mb": p.pack_mb,
            "source": ", ".join(f"{r.repo}@{(r.revision or 'unpinned')[:12]}" for r in p.repos),
            "default": p.name == DEFAULT_PRESET,
        }
        for p in HUB_PRESETS.values()
    ]
    try:  # build presets need the export tools, which the packaged app does not carry
        from models.registry import PRESETS

        built = [
            {**asdict(p), "how": "build", "needs_network": p.needs_network}
            for p in PRESETS.values()
        ]
    except ImportError:
        built = []
    if as_json:
        print_json(hub + built)
        return 0
    print("Download (trove models download NAME; no torch needed):")
    for r in hub:
        mark = "  (default)" if r["default"] else ""
        langs = r["languages"]
        says = "English" if langs == ["en"] else f"{len(langs)} languages"
        print(
            f"  {r['name']:<22} {r['for']:<9} {says:<13} {r['dim']:>4}d  "
            f"{r['download_mb']:>5} MB download, ~{r['pack_mb']} MB installed  "
            f"{r['licence']:<10} {r['source']}{mark}"
        )
    if built:
        print("Build from a checkpoint (trove models build NAME; needs the export extra):")
        for r in built:
            where = "online" if r["needs_network"] else "offline"
            print(
                f"  {r['name']:<26} {r['family']:<9} {r['dim']:>4}  {where:<7} {r['licence']:<11} {r['source']}"
            )
    return 0


class _Terminal:
    """Progress on stderr: one line rewritten in place on a terminal, a line per step (and every
    few seconds while downloading) otherwise."""

    def __init__(self) -> None:
        import time

        self._tty = sys.stderr.isatty()
        self._time = time.monotonic
        self._last = 0.0
        self._step = ""

    def __call__(self, p: Any) -> None:
        from desktop_app.core.embed.api import PackProgress

        assert isinstance(p, PackProgress)
        now = self._time()
        new_step = p.step != self._step
        if not new_step and p.step == "download" and now - self._last < (0.2 if self._tty else 5):
            return
        if self._tty and self._step == "download" and new_step:
            print(file=sys.stderr)
        self._last, self._step = now, p.step
        label = f"[{p.step}]".ljust(11)
        if self._tty and p.step == "download":
            print(f"\r{label}{p.line()}"[:160].ljust(100), end="", file=sys.stderr, flush=True)
        else:
            print(f"{label}{p.line()}", file=sys.stderr, flush=True)


def _getter(paths: Any) -> Any:
    from desktop_app.core.packs.get.getpack import PackGetter

    samples = sorted((paths.resources / "sample").glob("*.jpg"))
    return PackGetter(paths.packs_dir, samples, report=_Terminal(), install=_engine().install_pack)


def _hub_preset(name: str | None) -> Any:
    from desktop_app.core.packs.get.hub import DEFAULT_PRESET, hub_preset

    try:
        return hub_preset(name or DEFAULT_PRESET)
    except KeyError as exc:
        raise CommandError(str(exc.args[0])) from None


def _installed(info: Any) -> int:
    print(f"Installed {info.pack_id} ({info.family}, {info.dim} dimensions)")
    if "vision" in info.towers:
        print(
            "Photos are embedded with it the next time Trove indexes (the window does it at once)."
        )
    else:
        _use_document_pack(info.name)
    return 0


def _use_document_pack(name: str) -> None:
    paths = app_paths()
    settings = app_settings(paths)
    before = settings.document_pack
    settings.document_pack = name
    store_settings(settings, paths)
    if before != name:
        print(
            f"Documents are now searched with {name}. Their passages are re-embedded in the "
            "background the next time Trove indexes (the window does it at once); until a "
            "passage has its new vector, the model that made its old one answers for it."
        )


def _use(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    try:
        info = _engine().pack_manager().get(args.name)
    except PackError as exc:
        raise CommandError(str(exc)) from exc
    if "vision" in info.towers:
        paths = app_paths()
        settings = app_settings(paths)
        settings.active_image_pack = info.name
        store_settings(settings, paths)
        print(f"Photos are now searched with {info.name} (re-embedded in the background).")
    else:
        _use_document_pack(info.name)
    return 0


def _download(args: argparse.Namespace) -> int:
    from desktop_app.core.cancel import Cancelled
    from desktop_app.core.embed import PackError
    from desktop_app.core.packs.get.download import Offline

    preset = _hub_preset(args.preset)
    paths = app_paths()
    try:
        info = _getter(paths).download(preset, args.revision, args.keep_fp32)
    except Offline as exc:
        raise CommandError(
            f"{exc}. Without a network: bring the hub files from another computer and run "
            f"`trove models import-files FOLDER {preset.name}`, or import a pack file with "
            "`trove models import pack.zip`."
        ) from exc
    except PackError as exc:
        raise CommandError(f"cannot get {preset.name}: {exc}") from exc
    except (Cancelled, KeyboardInterrupt):
        raise CommandError(
            "stopped; what was downloaded is kept: run the same command again to continue", 130
        ) from None
    return _installed(info)


def _import_files(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    preset = _hub_preset(args.preset)
    paths = app_paths()
    try:
        info = _getter(paths).import_files(
            Path(args.folder), preset, args.revision, args.keep_fp32, use_network=not args.offline
        )
    except PackError as exc:
        raise CommandError(f"cannot import {preset.name}: {exc}") from exc
    return _installed(info)


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

    try:
        info = _engine().install_pack(Path(args.path).expanduser())
    except PackError as exc:
        raise CommandError(f"cannot import pack: {exc}") from exc
    print(f"Installed {info.pack_id} ({info.family}, {info.dim} dimensions)")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from desktop_app.core.embed import PackError

    mgr = _engine().pack_manager()
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

    try:
        _engine().remove_pack(args.name)
    except PackError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Removed {args.name}")
    return 0
