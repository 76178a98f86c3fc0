"""Getting an image pack off the GUI thread: network probe, download or import, as queued signals."""

from __future__ import annotations

import logging
import threading
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

log = logging.getLogger(__name__)


class PackDownloader(QObject):
    """One job at a time on its own thread; every outcome comes back as a signal."""

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
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def probe(self) -> None:
        """Ask once whether the hub (or mirror) can be reached; answers within seconds."""
        threading.Thread(target=self._probe, name="trove-hub-probe", daemon=True).start()

    def _probe(self) -> None:
        try:
            client = self._client(CancelToken())
            client.probe()
        except Offline as exc:
            self.offline.emit(str(exc))
        except PackError as exc:  # a mirror address Trove refuses (plain http elsewhere)
            self.offline.emit(str(exc))
        else:
            self.reachable.emit(client.host)

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
        self._thread = threading.Thread(
            target=self._run, args=(job, getter), name="trove-pack-download", daemon=True
        )
        self._thread.start()

    def _run(self, job: Callable[[PackGetter], Any], getter: PackGetter) -> None:
        try:
            info = job(getter)
        except Cancelled:
            self.cancelled.emit()
        except Offline as exc:
            self.offline.emit(str(exc))
        except PackError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # anything else still reaches the window as a sentence
            log.exception("getting an image pack failed")
            self.failed.emit(
                QCoreApplication.translate(
                    "Host", "Getting the image model failed: {reason}"
                ).format(reason=exc)
            )
        else:
            self.finished.emit(info)
