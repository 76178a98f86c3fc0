"""Getting an image pack off the GUI thread: network probe, download or import, as queued signals."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.embed.api import PackInfo
from desktop_app.core.embed.errors import PackError
from desktop_app.core.packs.get.download import HubClient, Offline
from desktop_app.core.packs.get.getpack import PackGetter
from desktop_app.core.packs.get.hub import HubPreset
from desktop_app.workers.jobs import JobPool

log = logging.getLogger(__name__)


class PackDownloader(QObject):
    """One job at a time on a thread of its own; every outcome comes back as a signal."""

    reachable = Signal(str)  # the hub's host answered
    offline = Signal(str)  # why it cannot be reached
    progress_changed = Signal(object)  # PackProgress
    finished = Signal(object)  # PackInfo of the installed pack
    failed = Signal(str)  # a sentence for the person
    cancelled = Signal()

    def __init__(
        self,
        packs_dir: Path,
        samples: Sequence[Path],
        client: Callable[[CancelToken], HubClient] | None = None,
        parent: QObject | None = None,
        install: Callable[[Path], PackInfo] | None = None,
    ) -> None:
        """``install``: the engine's install_pack (its one registry checks the new pack)."""
        super().__init__(parent)
        self.packs_dir = packs_dir
        self.samples = tuple(samples)
        self._client = client or (lambda c: HubClient(cancel=c))
        self._install = install
        self._cancel = CancelToken()
        # One thread each: a download or import at a time (they write the same packs
        # folder), and the probe never waits behind a download of hundreds of MB.
        self._jobs = JobPool("trove-pack-download", parent=self)
        self._probes = JobPool("trove-hub-probe", parent=self)

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    def probe(self) -> None:
        """Ask once whether the hub (or mirror) can be reached; answers within seconds."""
        self._probes.submit(self._probe, self.reachable.emit, self._on_probe_failed)

    def _probe(self) -> str:
        client = self._client(CancelToken())
        client.probe()
        return client.host

    def _on_probe_failed(self, exc: Exception) -> None:
        # PackError: a mirror address Trove refuses (plain http elsewhere)
        if isinstance(exc, (Offline, PackError)):
            self.offline.emit(str(exc))
        else:
            log.error("probing the hub failed", exc_info=exc)

    def download(self, preset: HubPreset, revision: str | None = None) -> None:
        self._start(lambda g: g.download(preset, revision))

    def import_files(self, folder: Path, preset: HubPreset) -> None:
        self._start(lambda g: g.import_files(folder, preset))

    def cancel(self) -> None:
        self._cancel.cancel()

    def _start(self, job: Callable[[PackGetter], Any]) -> None:
        if self.busy:
            return
        self._cancel = CancelToken()
        getter = PackGetter(
            self.packs_dir,
            self.samples,
            report=self.progress_changed.emit,
            cancel=self._cancel,
            client=self._client,
            install=self._install,
        )
        self._jobs.submit(lambda: job(getter), self.finished.emit, self._on_failed)

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        elif isinstance(exc, Offline):
            self.offline.emit(str(exc))
        elif isinstance(exc, PackError):
            self.failed.emit(str(exc))
        else:  # anything else still reaches the window as a sentence
            log.error("getting an image pack failed", exc_info=exc)
            self.failed.emit(
                QCoreApplication.translate(
                    "Host", "Getting the image model failed: {reason}"
                ).format(reason=exc)
            )
