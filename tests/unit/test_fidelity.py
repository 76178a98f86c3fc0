"""int8 towers checked where they run: a damaged tower is caught, fp32 answers, the verdict is kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest

from desktop_app.cli import main
from desktop_app.core.embed import fidelity as fid
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.manifest import read_manifest, verify_files
from tests.conftest import damaged_copy, install_pack


@pytest.fixture(scope="session")
def tiny_clip_pack_fp32(tiny_clip_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny CLIP built with its fp32 graphs kept beside the int8 ones."""
    from models.export import build_pack

    out = tmp_path_factory.mktemp("packs-fp32")
    return build_pack("tiny-clip", tiny_clip_source, out, keep_fp32=True).pack_dir


def _fp32_reference(pack: Path) -> np.ndarray:
    """The fp32 vision graph's own output for the reference pixels, run directly."""
    m = read_manifest(pack)
    sess = ort.InferenceSession(str(pack / m["files"]["vision_fp32"]))
    out = sess.run(None, {"pixel_values": fid.reference_pixels(m["preprocessing"])})[0]
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_reference_images_are_fixed_and_photo_like() -> None:
    a, b = fid.reference_images(224), fid.reference_images(224)
    assert len(a) == fid.REFERENCE_IMAGES
    for x, y in zip(a, b, strict=True):
        assert x.shape == (224, 224, 3) and x.dtype == np.uint8
        np.testing.assert_array_equal(x, y)
        assert x.std() > 30  # not flat: gradients, discs and grain
        assert len(np.unique(x.reshape(-1, 3), axis=0)) > 5000
    assert not np.array_equal(a[0], a[1])


def test_built_pack_carries_reference_and_passes_here(tiny_clip_pack: Path) -> None:
    m = read_manifest(tiny_clip_pack)
    ref = m["reference"]
    assert len(ref["vision"]) == fid.REFERENCE_IMAGES and len(ref["text"]) == len(ref["texts"])
    assert "vision_fp32" not in m["files"]  # the int8 graphs passed: no fp32 copy shipped
    mgr = PackManager([tiny_clip_pack.parent])
    enc = mgr.image_encoder("tiny-clip")
    assert enc is not None
    out = enc.encode_pixels(fid.reference_pixels(m["preprocessing"]))
    # measured here, not by the gate's own comparison: unit rows at the encoder boundary, each
    # pointing where the exporter's fp32 graph pointed
    expected = np.asarray(ref["vision"], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-4)
    cos = np.sum(expected * out, axis=1)
    assert cos.mean() >= 0.95 and cos.min() >= 0.9, cos
    verdicts = {v.tower: v for v in mgr.fidelity.verdicts()}
    assert verdicts["vision"].passed and verdicts["vision"].runs == "int8"
    assert mgr.notices() == []


def test_damaged_int8_tower_is_caught_and_the_fp32_tower_answers(
    tiny_clip_pack_fp32: Path, tmp_path: Path
) -> None:
    pack = damaged_copy(tiny_clip_pack_fp32, tmp_path / "packs" / "tiny-clip", keep_fp32=True)
    m = read_manifest(pack)
    pixels = fid.reference_pixels(m["preprocessing"])
    int8 = ort.InferenceSession(str(pack / "vision.onnx")).run(None, {"pixel_values": pixels})[0]
    expected = _fp32_reference(pack)
    assert fid.compare(expected, int8)[0] < 0.9  # the damage is real

    cache = tmp_path / "cache" / "pack-checks.json"
    mgr = PackManager([pack.parent], fidelity_file=cache)
    enc = mgr.image_encoder("tiny-clip")
    assert enc is not None
    got = enc.encode_pixels(pixels)
    assert fid.compare(expected, got)[1] >= 0.9999  # the fp32 graph answered
    (note,) = mgr.notices()
    assert "inaccurate on this processor" in note and "full-precision" in note
    saved = json.loads(cache.read_text())
    (vision,) = [v for k, v in saved.items() if k.endswith("/vision")]
    assert vision["passed"] is False and vision["runs"] == "fp32"

    # Remembered: a later run goes straight to fp32 without checking again ...
    calls: list[int] = []
    real_compare = fid.compare

    def counting(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
        calls.append(1)
        return real_compare(a, b)

    import desktop_app.core.embed.encoders as encoders

    mp = pytest.MonkeyPatch()
    mp.setattr(encoders, "compare", counting)
    try:
        again = PackManager([pack.parent], fidelity_file=cache).image_encoder("tiny-clip")
        assert again is not None
        assert fid.compare(expected, again.encode_pixels(pixels))[1] >= 0.9999
        assert calls == []
        # ... until the CPU or onnxruntime changes
        mp.setattr(fid, "machine_key", lambda: "another-machine")
        other = PackManager([pack.parent], fidelity_file=cache).image_encoder("tiny-clip")
        assert other is not None
        other.encode_pixels(pixels)
        assert calls == [1]
    finally:
        mp.undo()


def test_damaged_tower_without_fp32_keeps_working_and_status_says_so(
    tiny_clip_pack: Path,
    minilm_pack: Path,
    tmp_path: Path,
    trove_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.fixtures import make_photo

    install_pack(minilm_pack, trove_home)
    damaged_copy(tiny_clip_pack, trove_home / "data" / "packs" / "tiny-clip", keep_fp32=False)
    lib = tmp_path / "lib"
    make_photo(lib / "a.jpg")
    assert main(["index", str(lib)]) == 0  # photos still get vectors: Trove keeps working
    capsys.readouterr()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "Note: Model pack tiny-clip: its 8-bit image model is inaccurate" in out
    assert "no full-precision copy" in out
    assert "Photos: 1" in out
    assert main(["status", "--json"]) == 0
    notices = json.loads(capsys.readouterr().out)["notices"]
    assert any("tiny-clip" in n for n in notices)


def test_models_verify_reports_the_check_on_this_machine(
    tiny_clip_pack_fp32: Path, tmp_path: Path, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_pack(tiny_clip_pack_fp32, trove_home)
    assert main(["models", "verify", "tiny-clip"]) == 0
    out = capsys.readouterr().out
    assert "vision: int8 agrees with fp32" in out and "text: int8 agrees with fp32" in out
    shutil.rmtree(trove_home / "data" / "packs" / "tiny-clip")
    damaged_copy(tiny_clip_pack_fp32, trove_home / "data" / "packs" / "tiny-clip", keep_fp32=True)
    assert main(["models", "verify", "tiny-clip"]) == 0
    out = capsys.readouterr().out
    assert "vision: int8 is inaccurate here" in out and "uses the fp32 graph" in out


def test_a_build_whose_int8_graphs_fail_here_keeps_fp32_beside_them(
    tiny_clip_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However this CPU runs int8, a line no int8 graph can hold makes both towers fail."""
    from models.export import build_pack

    monkeypatch.setattr(fid, "LINE_RANDOM", (1.01, 1.01))
    pack = build_pack("tiny-clip", tiny_clip_source, tmp_path / "out").pack_dir
    m = read_manifest(pack)
    assert m["files"]["vision_fp32"] == "vision.fp32.onnx" and (pack / "vision.fp32.onnx").is_file()
    assert m["files"]["text_fp32"] == "text.fp32.onnx"
    assert verify_files(pack, m) == []
    assert m["verification"]["int8_check_here"]["vision"]["passed"] is False
    enc = PackManager([pack.parent]).image_encoder()
    assert enc is not None
    pixels = fid.reference_pixels(m["preprocessing"])
    assert fid.compare(_fp32_reference(pack), enc.encode_pixels(pixels))[1] >= 0.9999
