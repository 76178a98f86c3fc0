"""Find, verify, import and remove model packs; hand out encoders for them."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from desktop_app.core.embed.api import PackInfo
from desktop_app.core.embed.encoders import OnnxClipEncoder, OnnxTextEncoder
from desktop_app.core.embed.errors import PackError
from desktop_app.core.embed.fidelity import Fidelity, FidelityLog, notice
from desktop_app.core.packs.manifest import ALLOWED_FILES, read_manifest, verify_files

IMAGE_FAMILIES = ("siglip", "clip")  # preference order when no pack is chosen
# The document pack when none is chosen: installing another never changes it by surprise
# (downloading one chooses it: settings.document_pack)
DEFAULT_DOCUMENT_PACK = "minilm-l6"
MAX_PACK_BYTES = 4 << 30  # a zip that inflates past this is refused


def default_threads() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def indexing_image_threads(threads: int) -> int:
    """Threads for the image tower inside the app, where it always runs next to decoding.

    While photos are indexed, two threads decode (a 12 MP JPEG costs ~2.4x its encoding) and
    the tower encodes their batches: split over two threads it hands work across at every
    operator and used ~35% more CPU per photo than on one (measured: 19 vs 14 ms per photo),
    CPU the decoders were waiting for. A single query image loses ~2.5 ms (21 vs 19 ms).
    """
    return max(1, threads // 2)


def _info(pack_dir: Path, manifest: dict[str, Any], bundled: bool) -> PackInfo:
    return PackInfo(
        name=str(manifest["name"]),
        pack_id=str(manifest["pack_id"]),
        family=str(manifest["family"]),
        dim=int(manifest["dim"]),
        towers=tuple(manifest["towers"]),
        precision=str(manifest.get("precision", "int8")),
        licence=str(manifest.get("licence", "")),
        source=str(manifest.get("source", "")),
        path=str(pack_dir),
        bundled=bundled,
    )


class PackManager:
    """Packs in ``pack_dirs`` (the user's folder first, then bundled ones; first name wins)."""

    def __init__(
        self,
        pack_dirs: Sequence[Path],
        threads: int = 0,
        image_threads: int = 0,
        fidelity_file: Path | None = None,
    ) -> None:
        """``fidelity_file`` remembers each int8 tower's check on this machine (in the cache
        folder); without it every process checks a tower once, when it first loads."""
        self.pack_dirs = tuple(Path(p) for p in pack_dirs)
        self.threads = threads or default_threads()
        self.image_threads = image_threads or self.threads  # the image tower's own count
        self.fidelity = FidelityLog(fidelity_file)
        self._encoders: dict[str, Any] = {}
        self._lock = threading.Lock()

    def list_packs(self) -> list[PackInfo]:
        seen: dict[str, PackInfo] = {}
        for i, root in enumerate(self.pack_dirs):
            if not root.is_dir():
                continue
            for d in sorted(root.iterdir()):
                # dot folders are downloads and packs being assembled or swapped, never packs
                if not d.is_dir() or d.name in seen or d.name.startswith("."):
                    continue
                try:
                    manifest = read_manifest(d)
                except PackError:
                    continue
                seen[d.name] = _info(d, manifest, bundled=i > 0)
        return list(seen.values())

    def get(self, name: str) -> PackInfo:
        for info in self.list_packs():
            if info.name == name:
                return info
        raise PackError(f"no model pack named {name!r} is installed")

    def _encoder(self, info: PackInfo) -> Any:
        with self._lock:
            enc = self._encoders.get(info.pack_id)
            if enc is None:
                d = Path(info.path)
                manifest = read_manifest(d)
                problems = verify_files(d, manifest)
                if problems:
                    raise PackError(f"model pack {info.name}: {problems[0]}")
                if "vision" in info.towers:
                    enc = OnnxClipEncoder(d, manifest, self.image_threads, self.fidelity)
                else:
                    # one thread per call, a session per call side by side: passages are
                    # encoded on two lanes (indexing/passes/meaning.py), and a query's few
                    # words run as fast on one thread as split over two
                    enc = OnnxTextEncoder(d, manifest, 1, self.fidelity, copies=self.threads)
                self._encoders[info.pack_id] = enc
            return enc

    def document_encoder(self, name: str | None = None) -> OnnxTextEncoder | None:
        packs = [p for p in self.list_packs() if p.family == "sentence"]
        packs.sort(key=lambda p: p.name != DEFAULT_DOCUMENT_PACK)  # stable: else by folder
        if name:
            packs = [p for p in packs if p.name == name] or packs
        return self._encoder(packs[0]) if packs else None

    def document_encoder_for(self, pack_id: str) -> OnnxTextEncoder | None:
        """The installed document pack that made vectors recorded as ``pack_id``, if any."""
        for p in self.list_packs():
            if p.pack_id == pack_id and p.family == "sentence":
                return self._encoder(p)  # type: ignore[no-any-return]
        return None

    def image_encoder(self, name: str | None = None) -> OnnxClipEncoder | None:
        packs = [p for p in self.list_packs() if "vision" in p.towers]
        if name:
            chosen = [p for p in packs if p.name == name]
            packs = chosen or packs
        else:
            packs.sort(
                key=lambda p: IMAGE_FAMILIES.index(p.family) if p.family in IMAGE_FAMILIES else 9
            )
        return self._encoder(packs[0]) if packs else None

    def image_encoder_for(self, pack_id: str) -> OnnxClipEncoder | None:
        """The installed image pack that made vectors recorded as ``pack_id``, if any."""
        for p in self.list_packs():
            if p.pack_id == pack_id and "vision" in p.towers:
                return self._encoder(p)  # type: ignore[no-any-return]
        return None

    def notices(self) -> list[str]:
        """Sentences about the towers in use that failed their check on this machine, in this
        process or remembered from an earlier one."""
        with self._lock:
            encoders = list(self._encoders.values())
        out = []
        for enc in encoders:
            for tower in ("vision", "text") if isinstance(enc, OnnxClipEncoder) else ("text",):
                verdict = self.fidelity.remembered(enc.pack_id, tower)
                text = notice(verdict, enc.pack_id.split("@")[0]) if verdict else None
                if text:
                    out.append(text)
        return out

    def check(self, name: str) -> list[Fidelity]:
        """Check the int8 towers of pack ``name`` on this machine now, whatever was remembered;
        the new verdicts are remembered. Empty for fp32 packs and packs without references."""
        info = self.get(name)
        verdicts = check_towers(Path(info.path), read_manifest(Path(info.path)), self.threads)
        for verdict in verdicts:
            self.fidelity.record(verdict)
        return verdicts

    def verify(self, name: str) -> list[str]:
        info = self.get(name)
        return verify_files(Path(info.path), read_manifest(Path(info.path)))

    def remove(self, name: str) -> None:
        info = self.get(name)
        if info.bundled:
            raise PackError(f"{name} is bundled with Trove and cannot be removed")
        with self._lock:
            self._encoders.pop(info.pack_id, None)
        shutil.rmtree(info.path)

    def unload(self) -> None:
        with self._lock:
            for enc in self._encoders.values():
                enc.unload()

    def set_threads(self, threads: int) -> None:
        """Encoders are made with their thread count: a new count (0: chosen from the
        cores) unloads them, and they are made again when asked for."""
        threads = threads or default_threads()
        if threads == self.threads:
            return
        with self._lock:
            stale, self._encoders = list(self._encoders.values()), {}
            self.threads, self.image_threads = threads, indexing_image_threads(threads)
        for enc in stale:
            enc.unload()

    def retain(self, pack_ids: set[str]) -> None:
        """Unload every encoder but those of ``pack_ids`` (the packs that answer now)."""
        with self._lock:
            stale = [pid for pid in self._encoders if pid not in pack_ids]
            dropped = [self._encoders.pop(pid) for pid in stale]
        for enc in dropped:
            enc.unload()

    def import_pack(self, src: Path, dest_dir: Path) -> PackInfo:
        """Install a pack from a folder or a .zip: checked, never executed or unpickled."""
        src = Path(src)
        dest_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=dest_dir, prefix=".import-") as tmp:
            staging = Path(tmp) / "pack"
            staging.mkdir()
            if src.is_dir():
                _copy_folder(src, staging)
            elif zipfile.is_zipfile(src):
                _extract_zip(src, staging)
            elif src.exists():
                raise PackError(f"{src.name}: not a model pack (expected a folder or a .zip)")
            else:
                raise PackError(f"{src}: no such file or folder")
            manifest = read_manifest(staging)
            problems = verify_files(staging, manifest)
            if problems:
                raise PackError(f"{src.name}: {problems[0]}")
            name = str(manifest["name"])
            if not name or "/" in name or "\\" in name or name.startswith("."):
                raise PackError(f"{src.name}: invalid pack name {name!r}")
            target = dest_dir / name
            with self._lock:
                # Swap: the old pack moves aside first, so the folder always holds a whole pack
                # (a crash in between leaves the old one under the temporary folder).
                if target.exists():
                    target.rename(Path(tmp) / "old")
                staging.rename(target)
                stale = [pid for pid, enc in self._encoders.items() if pid.split("@")[0] == name]
                for pid in stale:
                    self._encoders.pop(pid).unload()
        return _info(target, manifest, bundled=False)


def check_towers(pack_dir: Path, manifest: dict[str, Any], threads: int) -> list[Fidelity]:
    """Load each int8 tower of the pack in ``pack_dir`` once, which checks it against the
    pack's fp32 reference on this machine; the verdicts (none for fp32 packs)."""
    fresh = FidelityLog()
    if "vision" in manifest["towers"]:
        clip = OnnxClipEncoder(pack_dir, manifest, threads, fresh)
        clip.prepare()
        clip.encode_texts(["a"])
        clip.unload()
    else:
        text = OnnxTextEncoder(pack_dir, manifest, threads, fresh)
        text.encode_texts(["a"])
        text.unload()
    return fresh.verdicts()


def _not_a_pack(src: Path, what: str) -> PackError:
    """A refusal a person can act on: what was found, what a pack holds, what to import."""
    return PackError(
        f"{src.name} is not a Trove model pack: it holds {what}, and a pack holds only "
        "manifest.json, tokenizer.json, text.onnx and/or vision.onnx (with their .fp32.onnx "
        "copies), LICENSE and README.txt. Import a pack's own folder, or a .zip of just those "
        "files."
    )


def _copy_folder(src: Path, staging: Path) -> None:
    for f in src.iterdir():
        if f.is_symlink():
            raise PackError(f"{src.name}: symbolic link {f.name} is not allowed in a pack")
        if f.is_dir():
            raise _not_a_pack(src, f"a folder {f.name}")
        if f.name not in ALLOWED_FILES:
            raise _not_a_pack(src, f"the file {f.name}")
        shutil.copyfile(f, staging / f.name)


def _extract_zip(src: Path, staging: Path) -> None:
    with zipfile.ZipFile(src) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        total = sum(i.file_size for i in infos)
        if total > MAX_PACK_BYTES:
            raise PackError(f"{src.name}: archive would unpack to {total >> 20} MB; refused")
        names = [PurePosixPath(i.filename) for i in infos]
        prefixes = {n.parts[0] for n in names if len(n.parts) > 1}
        strip = len(prefixes) == 1 and all(len(n.parts) == 2 for n in names)
        for info, name in zip(infos, names, strict=True):
            if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
                raise PackError(f"{src.name}: entry {info.filename!r} would land outside the pack")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise PackError(f"{src.name}: entry {info.filename!r} is a symbolic link")
            parts = name.parts[1:] if strip else name.parts
            if len(parts) != 1 or parts[0] not in ALLOWED_FILES:
                raise _not_a_pack(src, f"{info.filename}")
            with zf.open(info) as fin, (staging / parts[0]).open("wb") as fout:
                shutil.copyfileobj(fin, fout)
