"""Every way a model download goes wrong, for an image model and a document model alike: both
go through the same verified, pinned, resumable download, so each fault is one test run for
each kind of model."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.embed.api import PackProgress
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.get.download import DownloadError, Mismatch
from desktop_app.core.packs.get.hub import HubPreset
from tests.hub_fixtures import HubServer, hub_getter, tiny_presets

PRESETS = tiny_presets()


@dataclass(frozen=True)
class Model:
    """A model of one kind as the local hub serves it."""

    preset: str  # key of tiny_presets()
    repo: str  # the repository that holds the graph below
    graph: str  # the large file the faults hit
    small: str  # a small file the faults hit
    documents: bool

    @property
    def hub_preset(self) -> HubPreset:
        return PRESETS[self.preset]

    def works(self, packs: Path) -> bool:
        mgr = PackManager([packs])
        name = self.hub_preset.name
        enc = mgr.document_encoder(name) if self.documents else mgr.image_encoder(name)
        return enc is not None and enc.encode_texts(["ein Wald", "a forest"]).shape[0] == 2


MODELS = {
    "image": Model(
        "xenova",
        "Xenova-test/clip-vit-base-patch32",
        "onnx/vision_model.onnx",
        "tokenizer.json",
        False,
    ),
    "document": Model(
        "e5", "Xenova-test/multilingual-e5-small", "onnx/model.onnx", "tokenizer.json", True
    ),
}


@pytest.fixture(params=sorted(MODELS))
def model(request: pytest.FixtureRequest) -> Model:
    return MODELS[request.param]


@pytest.fixture
def server(  # type: ignore[no-untyped-def]
    hub_repos: dict[str, dict[str, Path]], document_hub_repos: dict[str, dict[str, Path]]
):
    repos = {
        k: v
        for layout in (*hub_repos.values(), *document_hub_repos.values())
        for k, v in layout.items()
    }
    with HubServer(repos) as s:
        yield s


def test_connection_cut_mid_file_resumes_with_range(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.cut_after[model.graph] = 50_000
    hub_getter(tmp_path / "packs", server).download(model.hub_preset)
    assert "bytes=50000-" in [r for p, r in server.requests if p.startswith("/cdn/") and r]
    assert model.works(tmp_path / "packs")


def test_a_partial_file_from_an_earlier_run_is_resumed(
    model: Model,
    server: HubServer,
    tmp_path: Path,
    hub_repos: dict[str, dict[str, Path]],
    document_hub_repos: dict[str, dict[str, Path]],
) -> None:
    preset = model.hub_preset
    getter = hub_getter(tmp_path / "packs", server)
    folders = {
        k: v for r in (*hub_repos.values(), *document_hub_repos.values()) for k, v in r.items()
    }
    src = folders[model.repo] / model.graph
    owner, name = model.repo.split("/")
    part = (
        getter.downloads_dir(preset)
        / f"{owner}--{name}@{str(preset.repos[0].revision)[:12]}"
        / (model.graph + ".part")
    )
    part.parent.mkdir(parents=True)
    part.write_bytes(src.read_bytes()[:23456])  # what a closed app left behind
    getter.download(preset)
    assert "bytes=23456-" in [r for _p, r in server.requests]
    assert model.works(tmp_path / "packs")


def test_a_200_answer_to_a_range_request_restarts_the_file(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.cut_after[model.graph] = 50_000
    server.faults.ignore_range.add(model.graph)
    info = hub_getter(tmp_path / "packs", server).download(model.hub_preset)
    assert info.name == model.hub_preset.name  # the restarted file was whole and verified
    assert model.works(tmp_path / "packs")


def test_a_corrupted_graph_is_deleted_and_nothing_installed(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.corrupt.add(model.graph)
    getter = hub_getter(tmp_path / "packs", server)
    leaf = model.graph.rsplit("/", 1)[-1]
    with pytest.raises(Mismatch, match=rf"{leaf.replace('.', '[.]')} does not match"):
        getter.download(model.hub_preset)
    assert list(getter.downloads_dir(model.hub_preset).rglob(leaf + "*")) == []
    assert PackManager([tmp_path / "packs"]).list_packs() == []


def test_a_corrupted_small_file_fails_its_git_checksum(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.corrupt.add(model.small)
    with pytest.raises(Mismatch, match=rf"{model.small} does not match"):
        hub_getter(tmp_path / "packs", server).download(model.hub_preset)
    assert PackManager([tmp_path / "packs"]).list_packs() == []


def test_a_missing_file_is_a_404(model: Model, server: HubServer, tmp_path: Path) -> None:
    server.faults.missing.add(model.graph)
    with pytest.raises(DownloadError, match=r"not found .*\(404\)"):
        hub_getter(tmp_path / "packs", server).download(model.hub_preset)


def test_a_redirect_to_plain_http_is_refused(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.redirect_to[model.small] = "http://example.com/" + model.small
    with pytest.raises(DownloadError, match="HTTPS only"):
        hub_getter(tmp_path / "packs", server).download(model.hub_preset)


def test_cancel_stops_a_stalled_transfer_and_keeps_the_part(
    model: Model, server: HubServer, tmp_path: Path
) -> None:
    server.faults.stall.add(model.graph)
    cancel = CancelToken()
    seen: list[PackProgress] = []
    getter = hub_getter(tmp_path / "packs", server, cancel, seen)
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            getter.download(model.hub_preset)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    leaf = model.graph.rsplit("/", 1)[-1]
    stalled = f"Downloading {leaf}"  # the small files come first

    def stalled_file_began() -> bool:  # some of its own bytes arrived (not only the others')
        mine = [p.done for p in seen if stalled in p.message]
        return len(mine) > 1 and mine[-1] > mine[0]

    while not stalled_file_began() and worker.is_alive():
        worker.join(0.05)
    cancel.cancel()
    worker.join(20)  # the server holds the stalled read for 60 s; only cancel can end it sooner
    assert not worker.is_alive(), "cancel did not stop the stalled transfer"
    assert outcome and isinstance(outcome[0], Cancelled), outcome
    parts = list(getter.downloads_dir(model.hub_preset).rglob("*.part"))
    assert [p.name for p in parts] == [leaf + ".part"] and parts[0].stat().st_size > 0
