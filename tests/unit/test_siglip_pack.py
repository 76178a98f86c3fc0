"""A tiny random SigLIP built through `trove models build --from-dir`: two graphs, parity, preprocessing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from desktop_app.cli import main
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.manifest import read_manifest, verify_files
from tests.conftest import assert_towers_match_torch


def test_siglip_pack_via_cli(tiny_siglip_source: Path, trove_home: Path, tmp_path: Path) -> None:
    assert main(["models", "build", "tiny-siglip", "--from-dir", str(tiny_siglip_source)]) == 0
    pack = trove_home / "data" / "packs" / "tiny-siglip"
    m = read_manifest(pack)
    assert m["family"] == "siglip" and m["towers"] == ["vision", "text"]
    assert verify_files(pack, m) == []
    assert m["preprocessing"]["resize"] == "square" and m["tokenizer"]["pad_to_max_length"]

    enc = PackManager([pack.parent]).image_encoder("tiny-siglip")
    assert enc is not None
    # measured here, not read from the manifest: the towers as Trove runs them against torch
    from transformers import SiglipModel

    assert_towers_match_torch(pack, SiglipModel.from_pretrained(tiny_siglip_source).eval())
    t = enc.encode_texts(["a dog", "a much longer description of a cat sleeping on a sofa"])
    assert t.shape == (2, 32)
    np.testing.assert_allclose(np.linalg.norm(t, axis=1), 1.0, atol=1e-5)

    # runtime preprocessing equals SiglipImageProcessor's
    import onnxruntime as ort
    from transformers import SiglipImageProcessor

    from models.export import verification_images

    proc = SiglipImageProcessor()
    sess = ort.InferenceSession(str(pack / "vision.onnx"))
    for i, im in enumerate(verification_images()[:3]):
        path = tmp_path / f"s{i}.png"
        im.save(path)
        ours = enc.encode_pixels(enc.load_pixels(str(path))[None])[0]
        ref = sess.run(
            None,
            {
                "pixel_values": proc(images=Image.open(path).convert("RGB"), return_tensors="np")[
                    "pixel_values"
                ].astype(np.float32)
            },
        )[0][0]
        assert float(ours @ (ref / np.linalg.norm(ref))) >= 0.999


def test_siglip_without_tokenizer_is_refused(tiny_siglip_source: Path, tmp_path: Path) -> None:
    import shutil

    src = tmp_path / "src"
    shutil.copytree(tiny_siglip_source, src)
    (src / "tokenizer.json").unlink()
    assert (
        main(["models", "build", "x", "--from-dir", str(src), "--out", str(tmp_path / "out")]) == 1
    )
