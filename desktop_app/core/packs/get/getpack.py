"""Getting a pack without torch: download (or bring) hub graphs, check, convert, test, install.

Image packs (two towers) and document packs (one sentence encoder) go the same way.

Downloads go to ``<packs>/.downloads/<preset>/`` and survive a restart (each file resumes from
its ``.part``); the pack is assembled in ``<packs>/.assemble-…`` and installed with
:meth:`PackManager.import_pack`, which verifies it again and swaps it into place, so a
half-finished pack never appears in the list. Folders starting with a dot are never packs.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import PackInfo, PackProgress
from desktop_app.core.packs.get.assemble import (
    DocumentModel,
    Towers,
    assemble_document_pack,
    assemble_pack,
)
from desktop_app.core.packs.get.download import (
    DownloadError,
    HubClient,
    Meter,
    Mismatch,
    Offline,
    RemoteFile,
    verify,
)
from desktop_app.core.packs.get.hub import HubFile, HubPreset, HubRepo
from desktop_app.core.packs.registry import PackManager

log = logging.getLogger(__name__)

Report = Callable[[PackProgress], None]


def _slug(repo: HubRepo, revision: str) -> str:
    return f"{repo.repo.replace('/', '--')}@{revision[:12]}"


class PackGetter:
    """Gets image and document packs into ``packs_dir``; ``samples`` are the photos an image
    pack's int8 towers are tested on (Trove's bundled sample photos)."""

    def __init__(
        self,
        packs_dir: Path,
        samples: Sequence[Path] = (),
        report: Report = lambda _p: None,
        cancel: CancelToken | None = None,
        client: Callable[[CancelToken], HubClient] = lambda c: HubClient(cancel=c),
        install: Callable[[Path], PackInfo] | None = None,
    ) -> None:
        self.packs_dir = Path(packs_dir)
        # the engine's install_pack where there is an engine: its one registry checks the pack
        self._install_pack = install or (
            lambda src: PackManager([self.packs_dir]).import_pack(src, self.packs_dir)
        )
        self.samples = tuple(samples)
        self.report = report
        self.cancel = cancel or CancelToken()
        self._client = client

    def downloads_dir(self, preset: HubPreset) -> Path:
        return self.packs_dir / ".downloads" / preset.name

    # --- from the hub -----------------------------------------------------------------

    def revisions(self, preset: HubPreset, revision: str | None = None) -> list[str]:
        out = []
        for repo in preset.repos:
            rev = repo.revision or revision
            if not rev:
                raise DownloadError(
                    f"{preset.name}: no commit of {repo.repo} is pinned in this Trove; give one "
                    "with --revision (a 40-character commit id from the repository's history)"
                )
            out.append(rev)
        return out

    def remote_files(
        self, client: HubClient, preset: HubPreset, revisions: Sequence[str]
    ) -> list[tuple[HubRepo, str, HubFile, RemoteFile]]:
        """Every file to fetch, with its size and checksums from the hub's listing of the
        pinned commit, cross-checked with the hashes pinned in the preset."""
        self._say("check", f"Asking {client.host} for the file list")
        out = []
        for repo, rev in zip(preset.repos, revisions, strict=True):
            listing = client.listing(repo.repo, rev)
            for f in repo.files:
                listed = listing.get(f.path)
                if listed is None:
                    if f.optional:
                        continue
                    raise DownloadError(f"{f.path} is not in {repo.repo} at {rev[:12]}")
                out.append((repo, rev, f, _pinned(repo, f, listed)))
        return out

    def download(
        self, preset: HubPreset, revision: str | None = None, keep_fp32: bool = False
    ) -> PackInfo:
        """Fetch ``preset``'s towers (resuming what an earlier attempt left), check, convert,
        test and install them; the new pack's info. Raises Offline, DownloadError (Mismatch,
        DiskFull), PackError or Cancelled."""
        revisions = self.revisions(preset, revision)
        client = self._client(self.cancel)
        client.on_check = lambda path: self._say("check", f"Checking {path}")
        files = self.remote_files(client, preset, revisions)
        total = sum(r.size for *_, r in files)
        meter = Meter(total)
        base = self.downloads_dir(preset)
        base.mkdir(parents=True, exist_ok=True)
        client.check_room(base, total - _on_disk(base, files) + total // 2)
        got: dict[str, Path] = {}
        # the small files first: one that is not what Trove pins is refused before the
        # hundreds of megabytes of a graph are fetched
        for repo, rev, f, remote in sorted(files, key=lambda x: x[3].size):
            name = remote.path.rsplit("/", 1)[-1]

            def on_bytes(n: int, resumed: bool, name: str = name) -> None:
                meter.update(n, resumed)
                self.report(
                    PackProgress(
                        "download",
                        f"Downloading {name}",
                        meter.done,
                        total,
                        meter.rate,
                        meter.seconds_left,
                    )
                )

            dest = base / _slug(repo, rev) / remote.path
            got[f.role] = client.fetch(repo.repo, rev, remote, dest, on_bytes)
            meter.file_done(remote.size)
        source = ", ".join(
            f"{r.repo}@{rev[:12]}" for r, rev in zip(preset.repos, revisions, strict=True)
        )
        info = self._install(preset, got, f"{source} (downloaded from {client.host})", keep_fp32)
        shutil.rmtree(base, ignore_errors=True)
        return info

    # --- files brought from elsewhere -----------------------------------------------------

    def import_files(
        self,
        folder: Path,
        preset: HubPreset,
        revision: str | None = None,
        keep_fp32: bool = False,
        use_network: bool = True,
    ) -> PackInfo:
        """Install ``preset`` from hub files a person downloaded elsewhere, with the same
        checks: hashes pinned in the preset, else the hub's listing of the pinned commit
        (which needs the network). Looks in ``folder/<repo name>/``, ``folder/<owner>--<name>/``,
        ``folder/<owner>/<name>/``, a hub cache's ``models--<owner>--<name>/snapshots/<commit>/``
        and, for single-repository presets, ``folder`` itself."""
        folder = Path(folder).expanduser()
        if not folder.is_dir():
            raise DownloadError(f"{folder}: no such folder")
        revisions = self.revisions(preset, revision)
        listings: dict[str, dict[str, RemoteFile]] = {}
        base = self.downloads_dir(preset)
        got: dict[str, Path] = {}
        for repo, rev in zip(preset.repos, revisions, strict=True):
            root = _find_root(folder, repo, rev, single=len(preset.repos) == 1)
            for f in repo.files:
                src = root / f.path if root else None
                if src is None or not src.is_file():
                    if f.optional:
                        continue
                    raise DownloadError(
                        f"{f.path} of {repo.repo} is not in {folder} (looked in "
                        f"{folder / repo.repo.split('/')[-1]} and similar folders)"
                    )
                remote = self._expected(repo, rev, f, src, listings, use_network)
                dest = base / _slug(repo, rev) / f.path
                dest.parent.mkdir(parents=True, exist_ok=True)
                self._say("check", f"Checking {f.path}")
                shutil.copyfile(src, dest)
                problem = verify(dest, remote)
                if problem is not None:
                    dest.unlink()
                    raise Mismatch(f"{src} does not match ({problem}): not used")
                got[f.role] = dest
        source = ", ".join(
            f"{r.repo}@{rev[:12]}" for r, rev in zip(preset.repos, revisions, strict=True)
        )
        info = self._install(preset, got, f"{source} (files brought from {folder.name})", keep_fp32)
        shutil.rmtree(base, ignore_errors=True)
        return info

    def _expected(
        self,
        repo: HubRepo,
        rev: str,
        f: HubFile,
        src: Path,
        listings: dict[str, dict[str, RemoteFile]],
        use_network: bool,
    ) -> RemoteFile:
        if f.sha256:
            return RemoteFile(
                f.path, f.size if f.size is not None else src.stat().st_size, f.sha256, None
            )
        if not use_network:
            raise DownloadError(
                f"{f.path} of {repo.repo} cannot be checked offline: Trove pins no hash for it. "
                "Connect once (only the file list is fetched), or import a pack file instead."
            )
        if repo.repo not in listings:
            try:
                listings[repo.repo] = self._client(self.cancel).listing(repo.repo, rev)
            except Offline as exc:
                raise DownloadError(
                    f"{f.path} of {repo.repo} cannot be checked: Trove pins no hash for it and "
                    f"the hub's file list is out of reach ({exc})"
                ) from exc
        listed = listings[repo.repo].get(f.path)
        if listed is None:
            raise DownloadError(f"{f.path} is not in {repo.repo} at {rev[:12]}")
        return _pinned(repo, f, listed)

    # --- convert, test, install -------------------------------------------------------------

    def _install(
        self, preset: HubPreset, got: dict[str, Path], source: str, keep_fp32: bool
    ) -> PackInfo:
        towers = Towers(
            family=preset.family,
            vision=got.get("vision"),
            text=got["text"],
            tokenizer=got["tokenizer"],
            tokenizer_config=got.get("tokenizer_config"),
            hf_preprocessor=got.get("hf_preprocessor"),
            open_clip_preprocess=got.get("open_clip_preprocess"),
            open_clip_config=got.get("open_clip_config"),
        )
        self.packs_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.packs_dir, prefix=".assemble-") as tmp:
            work = Path(tmp) / preset.name
            work.mkdir()

            def say(message: str) -> None:
                step, _, text = message.partition(": ")
                self._say(
                    step if step in ("convert", "test") else "test", text[:1].upper() + text[1:]
                )

            if preset.for_documents:
                model = DocumentModel(
                    preset.pooling,
                    preset.query_prefix,
                    preset.passage_prefix,
                    preset.languages,
                    preset.max_tokens,
                )
                assemble_document_pack(
                    preset.name,
                    towers,
                    model,
                    work,
                    licence=preset.licence,
                    source=source,
                    keep_fp32=keep_fp32,
                    say=say,
                    cancel=self.cancel,
                )
            else:
                assemble_pack(
                    preset.name,
                    towers,
                    work,
                    licence=preset.licence,
                    source=source,
                    samples=self.samples,
                    keep_fp32=keep_fp32,
                    say=say,
                    cancel=self.cancel,
                    languages=preset.languages,
                    lowercase=preset.lowercase,
                )
            self.cancel.checkpoint()
            self._say("install", f"Installing {preset.name}")
            info = self._install_pack(work)
        self._say("done", f"Installed {info.pack_id}")
        return info

    def _say(self, step: str, message: str) -> None:
        self.report(PackProgress(step, message))


def _pinned(repo: HubRepo, f: HubFile, listed: RemoteFile) -> RemoteFile:
    """The listing's facts, refused where they contradict the preset's pins."""
    if f.sha256 and listed.sha256 and f.sha256 != listed.sha256:
        raise Mismatch(
            f"{repo.repo}/{f.path}: the hub lists other bytes than Trove pins for this commit; "
            "not downloaded"
        )
    if f.size is not None and listed.size != f.size:
        raise Mismatch(
            f"{repo.repo}/{f.path}: the hub lists {listed.size:,} bytes, Trove pins {f.size:,}; "
            "not downloaded"
        )
    return RemoteFile(f.path, listed.size, f.sha256 or listed.sha256, listed.git_sha1)


def _on_disk(base: Path, files: Sequence[tuple[HubRepo, str, HubFile, RemoteFile]]) -> int:
    n = 0
    for repo, rev, _f, remote in files:
        dest = base / _slug(repo, rev) / remote.path
        for p in (dest, dest.with_name(dest.name + ".part")):
            if p.is_file():
                n += min(p.stat().st_size, remote.size)
    return n


def _find_root(folder: Path, repo: HubRepo, rev: str, single: bool) -> Path | None:
    owner, name = repo.repo.split("/", 1)
    candidates = [
        folder / name,
        folder / f"{owner}--{name}",
        folder / owner / name,
        folder / f"models--{owner}--{name}" / "snapshots" / rev,
    ]
    if single:
        candidates.append(folder)
    first = repo.files[0].path
    for c in candidates:
        if (c / first).is_file():
            return c
    return None
