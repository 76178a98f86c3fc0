"""Getting an image pack from hub towers: every layout, and every way a download goes wrong."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.embed.api import PackProgress
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.get.download import (
    DiskFull,
    DownloadError,
    HubClient,
    Mismatch,
    Offline,
    check_url,
)
from desktop_app.core.packs.get.getpack import PackGetter
from desktop_app.core.packs.get.hub import HUB_PRESETS
from tests.hub_fixtures import SAMPLE_PHOTOS, HubServer, hub_getter, tiny_presets

PRESETS = tiny_presets()


def _all_repos(hub_repos: dict[str, dict[str, Path]]) -> dict[str, Path]:
    return {k: v for layout in hub_repos.values() for k, v in layout.items()}


@pytest.fixture
def server(hub_repos: dict[str, dict[str, Path]]):  # type: ignore[no-untyped-def]
    with HubServer(_all_repos(hub_repos)) as s:
        yield s


def _search_works(packs: Path, name: str) -> None:
    mgr = PackManager([packs])
    enc = mgr.image_encoder(name)
    assert enc is not None and enc.pack_id.startswith(name + "@")
    photos = np.stack([enc.load_pixels(str(p)) for p in SAMPLE_PHOTOS])
    v = enc.encode_pixels(photos)
    t = enc.encode_texts(["a forest", "a sunset over the sea", "x"])
    assert v.shape == (len(SAMPLE_PHOTOS), enc.dim) and t.shape == (3, enc.dim)
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    # every photo gets its own vector (the fixed-batch graphs run one photo at a time)
    assert not np.allclose(v[0], v[1])


@pytest.mark.parametrize("layout", ["qdrant", "xenova", "immich", "siglip"])
def test_download_installs_a_working_pack_in_every_layout(
    layout: str, server: HubServer, tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    seen: list[PackProgress] = []
    preset = PRESETS[layout]
    info = hub_getter(packs, server, seen=seen).download(preset)
    assert info.name == preset.name and info.family == preset.family
    manifest = json.loads((packs / preset.name / "manifest.json").read_text())
    graphs = manifest["graphs"]
    expected_inputs = {
        "qdrant": ("pixel_values", "input_ids", "attention_mask", None),
        "xenova": ("pixel_values", "input_ids", None, None),
        "immich": ("image", "text", None, 1),
        "siglip": ("pixel_values", "input_ids", None, None),
    }[layout]
    assert (
        graphs["vision"]["input"],
        graphs["text"]["ids"],
        graphs["text"]["mask"],
        graphs["vision"]["batch"],
    ) == expected_inputs
    assert graphs["vision"]["output"] in ("image_embeds", "embedding", "pooler_output")
    if layout == "immich":
        assert graphs["text"]["ids_dtype"] == "int32" and graphs["text"]["length"] == 77
        assert manifest["tokenizer"]["pad_to_max_length"] is True
    if layout == "siglip":
        assert manifest["tokenizer"]["max_length"] == 64
        assert manifest["preprocessing"]["resize"] == "square"
    # the languages the preset declares (SigLIP 2's several, CLIP's English), in the manifest
    # and on the pack's encoder: a query in another is never strong by meaning
    assert manifest["languages"] == list(preset.languages)
    assert bool(manifest["tokenizer"].get("lowercase")) == preset.lowercase
    enc = PackManager([packs]).image_encoder(preset.name)
    assert enc is not None and enc.languages == preset.languages
    if preset.lowercase:  # fed as it was trained: a cased vocabulary sees the words lowercased
        np.testing.assert_allclose(
            enc.encode_texts(["Hund im Schnee"]), enc.encode_texts(["hund im schnee"]), atol=1e-6
        )
    assert manifest["format_version"] == 2 and manifest["dim"] == (32 if layout == "siglip" else 16)
    steps = [p.step for p in seen]
    for step in ("check", "download", "convert", "test", "install", "done"):
        assert step in steps, (step, steps)
    last_download = [p for p in seen if p.step == "download"][-1]
    assert last_download.done == last_download.total > 0
    # nothing half-made is left beside the pack, and no download copies either
    assert sorted(p.name for p in packs.iterdir()) == [".downloads", preset.name]
    assert not any((packs / ".downloads").iterdir())
    _search_works(packs, preset.name)


def test_int8_towers_are_used_and_checked(server: HubServer, tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    hub_getter(packs, server).download(PRESETS["xenova"])
    manifest = json.loads((packs / "tiny-xenova" / "manifest.json").read_text())
    ver = manifest["verification"]
    assert set(ver["int8_check_here"]) == {"vision", "text"}
    assert set(ver["sample_photos"]) == {"vision", "text", "top_caption_kept"}
    for tower in ("vision", "text"):
        kept_fp32 = (
            manifest["files"][tower].endswith(".fp32.onnx") or f"{tower}_fp32" in manifest["files"]
        )
        passed = ver["int8_check_here"][tower]["passed"] and ver["sample_photos"][tower]["passed"]
        assert kept_fp32 == (not passed)
    import onnx

    graph = onnx.load(str(packs / "tiny-xenova" / manifest["files"]["vision"]))
    if not manifest["files"]["vision"].endswith(".fp32.onnx"):
        assert any(
            n.op_type in ("MatMulInteger", "DynamicQuantizeLinear") for n in graph.graph.node
        )


def test_redirects_are_followed_to_loopback(server: HubServer, tmp_path: Path) -> None:
    hub_getter(tmp_path / "a", server).download(PRESETS["xenova"])
    assert any(p.startswith("/cdn/") for p, _r in server.requests)  # followed the 302s
    # (a redirect to plain HTTP is refused: test_download_faults.py)


def test_url_rules() -> None:
    check_url("https://huggingface.co")
    check_url("http://127.0.0.1:8080")
    check_url("http://[::1]:8080/x")
    for bad in ("http://huggingface.co", "ftp://127.0.0.1/x", "http://192.168.1.2/", "file:///etc"):
        with pytest.raises(DownloadError):
            check_url(bad)


def test_mirror_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.packs.get.download import endpoint

    monkeypatch.delenv("TROVE_HUB_URL", raising=False)
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    assert endpoint() == "https://huggingface.co"
    monkeypatch.setenv("HF_ENDPOINT", "https://mirror.example/")
    assert endpoint() == "https://mirror.example"
    monkeypatch.setenv("TROVE_HUB_URL", "http://127.0.0.1:9")
    assert endpoint() == "http://127.0.0.1:9"
    monkeypatch.setenv("TROVE_HUB_URL", "http://mirror.example")
    with pytest.raises(DownloadError):
        endpoint()


def test_a_full_disk_is_said_before_anything_is_fetched(
    server: HubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from desktop_app.core.packs.get import download

    real = shutil.disk_usage
    monkeypatch.setattr(download.shutil, "disk_usage", lambda p: real(p)._replace(free=10 << 20))
    with pytest.raises(DiskFull, match="not enough free disk space"):
        hub_getter(tmp_path / "packs", server).download(PRESETS["xenova"])
    assert not any(p.startswith(("/cdn/", "/Xenova")) for p, _r in server.requests)


def test_a_disk_that_fills_up_mid_file(
    server: HubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from desktop_app.core.packs.get import download

    class FullFile:
        def __init__(self, real):  # type: ignore[no-untyped-def]
            self.real, self.n = real, 0

        def write(self, b: bytes) -> int:
            self.n += len(b)
            if self.n > 300_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return int(self.real.write(b))

        def close(self) -> None:
            self.real.close()

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *a: object) -> None:
            self.real.close()

    real_open = Path.open

    def fake_open(self: Path, mode: str = "r", *a, **k):  # type: ignore[no-untyped-def]
        f = real_open(self, mode, *a, **k)
        writing = self.name.endswith(".part") and mode[0] in "wa"  # not the check that reads it
        return FullFile(f) if writing else f

    monkeypatch.setattr(download.Path, "open", fake_open)
    getter = hub_getter(tmp_path / "packs", server)
    with pytest.raises(DiskFull, match="the disk is full"):
        getter.download(PRESETS["xenova"])
    assert list(getter.downloads_dir(PRESETS["xenova"]).rglob("*.part")) == []


def test_no_network_is_said_at_once(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    client = HubClient(f"http://127.0.0.1:{port}")
    with pytest.raises(Offline, match="cannot reach"):
        client.probe()
    getter = PackGetter(
        tmp_path / "packs", client=lambda c: HubClient(f"http://127.0.0.1:{port}", cancel=c)
    )
    with pytest.raises(Offline):
        getter.download(PRESETS["xenova"])


def test_import_files_brought_from_elsewhere(
    hub_repos: dict[str, dict[str, Path]], tmp_path: Path, server: HubServer
) -> None:
    import shutil

    brought = tmp_path / "usb"
    for repo, folder in hub_repos["qdrant"].items():
        shutil.copytree(folder, brought / repo.split("/")[1])
    # online: the hub's listing checks the files
    info = hub_getter(tmp_path / "packs", server).import_files(brought, PRESETS["qdrant"])
    assert info.name == "tiny-qdrant"
    _search_works(tmp_path / "packs", "tiny-qdrant")
    # offline, with no hash pinned: refused, nothing installed
    with pytest.raises(DownloadError, match="cannot be checked offline"):
        hub_getter(tmp_path / "packs2", server).import_files(
            brought, PRESETS["qdrant"], use_network=False
        )
    # a damaged file is refused
    (brought / "clip-ViT-B-32-text" / "tokenizer.json").write_text("{}")
    with pytest.raises(Mismatch):
        hub_getter(tmp_path / "packs3", server).import_files(brought, PRESETS["qdrant"])


def test_import_files_offline_with_pinned_hashes(
    hub_repos: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    import dataclasses
    import hashlib

    preset = PRESETS["xenova"]
    folder = hub_repos["xenova"]["Xenova-test/clip-vit-base-patch32"]
    repo = preset.repos[0]
    pinned = tuple(
        dataclasses.replace(f, sha256=hashlib.sha256((folder / f.path).read_bytes()).hexdigest())
        for f in repo.files
    )
    preset = dataclasses.replace(preset, repos=(dataclasses.replace(repo, files=pinned),))
    getter = PackGetter(
        tmp_path / "packs", SAMPLE_PHOTOS, client=lambda c: pytest.fail("no network")
    )  # type: ignore[arg-type,return-value]
    info = getter.import_files(folder, preset, use_network=False)
    assert info.name == "tiny-xenova"


def test_pins_that_contradict_the_listing_are_refused(server: HubServer, tmp_path: Path) -> None:
    import dataclasses

    preset = PRESETS["xenova"]
    repo = preset.repos[0]
    files = tuple(
        dataclasses.replace(f, sha256="0" * 64) if f.path.endswith(".onnx") else f
        for f in repo.files
    )
    preset = dataclasses.replace(preset, repos=(dataclasses.replace(repo, files=files),))
    with pytest.raises(Mismatch, match="other bytes than Trove pins"):
        hub_getter(tmp_path / "packs", server).download(preset)
    assert not any(p.startswith("/cdn/") for p, _r in server.requests)


def test_real_presets_are_pinned_to_commits() -> None:
    for preset in HUB_PRESETS.values():
        for repo in preset.repos:
            if repo.revision is not None:
                assert len(repo.revision) == 40 and int(repo.revision, 16) >= 0
            for f in repo.files:
                assert f.sha256 is None or len(f.sha256) == 64
        roles = {f.role for r in preset.repos for f in r.files}
        assert {"text", "tokenizer"} | (set() if preset.for_documents else {"vision"}) <= roles
    assert HUB_PRESETS["clip-vit-b32"].pinned and not HUB_PRESETS["clip-vit-b32-immich"].pinned


def test_an_unpinned_preset_needs_a_revision(tmp_path: Path) -> None:
    getter = PackGetter(tmp_path / "packs")
    with pytest.raises(DownloadError, match="--revision"):
        getter.revisions(HUB_PRESETS["clip-vit-b32-immich"])
    assert getter.revisions(HUB_PRESETS["clip-vit-b32-immich"], "a" * 40) == ["a" * 40]


def test_a_tower_that_fails_on_the_sample_photos_keeps_fp32(
    server: HubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.packs.get import assemble

    real = assemble.sample_check

    def vision_off(*a, **k):  # type: ignore[no-untyped-def]
        out = real(*a, **k)
        out["vision"]["passed"] = False  # as if the int8 image tower ranked photos differently
        return out

    monkeypatch.setattr(assemble, "sample_check", vision_off)
    said: list[PackProgress] = []
    hub_getter(tmp_path / "packs", server, seen=said).download(PRESETS["xenova"])
    manifest = json.loads((tmp_path / "packs" / "tiny-xenova" / "manifest.json").read_text())
    assert manifest["files"]["vision"] == "vision.fp32.onnx"
    assert "vision_fp32" not in manifest["files"]
    assert not (tmp_path / "packs" / "tiny-xenova" / "vision.onnx").exists()
    assert any("keeps its fp32 graph" in p.message for p in said)
    _search_works(tmp_path / "packs", "tiny-xenova")


def test_top_caption_kept() -> None:
    from desktop_app.core.packs.get.assemble import top_caption_kept

    v = np.eye(3, dtype=np.float32)
    t = np.eye(3, dtype=np.float32)
    assert top_caption_kept(v, t, v, t)
    assert not top_caption_kept(v, t, v[[1, 0, 2]], t)
