"""Model packs: built through the real export path, verified, imported safely, loaded without torch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.cli import main
from desktop_app.core.embed import PackError
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.manifest import read_manifest, sha256_file, verify_files
from tests.conftest import assert_towers_match_torch, install_pack

SENTENCE_PAIRS = [
    (
        "where can I buy screws and a drill",
        "The hardware shop on Main Street sells tools, screws and power drills.",
    ),
    ("my cat is sick", "The veterinarian examined our kitten, who had a fever and would not eat."),
    (
        "cheap flights to Rome",
        "Low-cost airlines offer return tickets to Italy's capital from 40 euros.",
    ),
    (
        "how do plants make food",
        "Photosynthesis turns sunlight, water and carbon dioxide into sugar in leaves.",
    ),
    ("football match result", "The home team won the soccer game two goals to one in extra time."),
    (
        "pay the electricity bill",
        "Your energy invoice for October is due; pay by bank transfer before the 15th.",
    ),
    (
        "learn to play guitar",
        "Beginner lessons cover chords, strumming patterns and tuning a six-string.",
    ),
    (
        "symptoms of dehydration",
        "Thirst, dark urine, dizziness and headaches are signs the body lacks water.",
    ),
    (
        "recipe for pancakes",
        "Whisk flour, eggs and milk, then fry thin rounds of batter in a buttered pan.",
    ),
    (
        "job interview tips",
        "Research the company, prepare examples of your work and arrive on time.",
    ),
]


def test_tiny_clip_pack_has_two_graphs_and_verified_manifest(tiny_clip_pack: Path) -> None:
    m = read_manifest(tiny_clip_pack)
    assert m["family"] == "clip" and m["towers"] == ["vision", "text"]
    assert (tiny_clip_pack / "vision.onnx").is_file() and (tiny_clip_pack / "text.onnx").is_file()
    assert verify_files(tiny_clip_pack, m) == []
    for name, digest in m["sha256"].items():
        assert sha256_file(tiny_clip_pack / name) == digest
    assert m["preprocessing"]["crop"] == 224
    assert m["pack_id"].startswith("tiny-clip@")
    assert _eight_bit_weights(tiny_clip_pack / "vision.onnx") > 0  # int8, as built by default


def test_tiny_clip_encoders_shapes_and_normalisation(tiny_clip_pack: Path, tmp_path: Path) -> None:
    mgr = PackManager([tiny_clip_pack.parent])
    enc = mgr.image_encoder("tiny-clip")
    assert enc is not None and enc.dim == 16
    photo = tmp_path / "p.jpg"
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (480, 640, 3), dtype=np.uint8)).save(
        photo
    )
    px = enc.load_pixels(str(photo))
    assert px.shape == (3, 224, 224) and px.dtype == np.float32
    v = enc.encode_pixels(np.stack([px, px]))
    assert v.shape == (2, 16)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    t = enc.encode_texts(["a dog", "a photo of a cat on a sofa"])
    assert t.shape == (2, 16)
    np.testing.assert_allclose(np.linalg.norm(t, axis=1), 1.0, atol=1e-5)


def test_runtime_preprocessing_matches_transformers(
    tiny_clip_pack: Path, tiny_clip_source: Path, tmp_path: Path
) -> None:
    """Draft-mode JPEG decoding + our resize/crop give the same embedding as CLIPImageProcessor."""
    import onnxruntime as ort
    from transformers import CLIPImageProcessor

    proc = CLIPImageProcessor()  # ViT-B/32's processor: 224, bicubic, CLIP mean/std
    mgr = PackManager([tiny_clip_pack.parent])
    enc = mgr.image_encoder("tiny-clip")
    assert enc is not None
    sess = ort.InferenceSession(str(tiny_clip_pack / "vision.onnx"))
    from models.export import verification_images

    for i, im in enumerate(verification_images()[:4]):
        big = im.resize((im.width * 4, im.height * 4))  # ~4.9 MP: draft mode kicks in
        path = tmp_path / f"v{i}.jpg"
        big.save(path, quality=92)
        ours = enc.encode_pixels(enc.load_pixels(str(path))[None])[0]
        ref_px = proc(images=Image.open(path).convert("RGB"), return_tensors="np")["pixel_values"]
        ref = sess.run(None, {"pixel_values": ref_px.astype(np.float32)})[0][0]
        ref = ref / np.linalg.norm(ref)
        assert float(ours @ ref) >= 0.999


def test_exif_orientation_applied(tiny_clip_pack: Path, tmp_path: Path) -> None:
    from desktop_app.core.imaging import load_image

    im = Image.new("RGB", (400, 200), (255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees on display
    path = tmp_path / "rot.jpg"
    im.save(path, exif=exif.tobytes())
    assert load_image(str(path), 100).size[0] < load_image(str(path), 100).size[1]


def test_clip_tokenizer_matches_reference() -> None:
    from tokenizers import Tokenizer

    from models.clip_tokenizer import reference_clip_tokenizer, write_clip_tokenizer_json

    out = Path(__import__("tempfile").mkdtemp()) / "tokenizer.json"
    write_clip_tokenizer_json(out)
    fast = Tokenizer.from_file(str(out))
    ref = reference_clip_tokenizer()
    for s in [
        "a photo of a dog",
        "Kids on the BEACH at sunset!!",
        "café déjà vu — 42.50$",
        "receipt from the hardware-store",
        "Ünïcödé ☃ emoji 🎉 and CJK 東京",
        "don't won't it's",
        "   spaces   everywhere  ",
        "numbers 1234567 and 3.14159",
    ]:
        assert fast.encode(s).ids == ref(s)["input_ids"], s
    assert fast.encode("a photo of a dog").ids == [49406, 320, 1125, 539, 320, 1929, 49407]


def test_tiny_clip_int8_towers_agree_with_torch_on_this_cpu(
    tiny_clip_pack: Path, tiny_clip_source: Path
) -> None:
    """Measured here, not read from the manifest: the int8 towers against the torch model."""
    from transformers import CLIPModel

    assert_towers_match_torch(tiny_clip_pack, CLIPModel.from_pretrained(tiny_clip_source).eval())


def test_real_minilm_int8_agrees_with_torch_and_keeps_every_top1(minilm_pack: Path) -> None:
    """Measured here against sentence-transformers' own fp32 model, on real manual-page
    passages cut by Trove's chunker and on query/answer pairs."""
    from sentence_transformers import SentenceTransformer

    from desktop_app.core.embed import fidelity as fid
    from models.registry import PRESETS, offline_source_dir
    from tests.benchmarks.common import real_passages

    m = read_manifest(minilm_pack)
    assert m["dim"] == 384 and m["precision"] == "int8"
    enc = PackManager([minilm_pack.parent]).document_encoder()
    assert enc is not None
    passages = real_passages(48)
    assert len(passages) == 48
    st = SentenceTransformer(str(offline_source_dir(PRESETS["minilm-l6"])), device="cpu")
    st.max_seq_length = 256
    ref = st.encode(passages, batch_size=16, convert_to_numpy=True)
    mean, low = fid.compare(ref, enc.encode_texts(passages))
    assert mean >= fid.LINE_REAL[0] and low >= fid.LINE_REAL[1], (mean, low)
    assert enc is not None
    q = enc.encode_texts([a for a, _ in SENTENCE_PAIRS])
    d = enc.encode_texts([b for _, b in SENTENCE_PAIRS])
    assert list(np.argmax(q @ d.T, axis=1)) == list(range(len(SENTENCE_PAIRS)))
    # A query alone (no padding at all) and inside a padded batch: the same vector up to int8
    # noise (dynamic quantization scales activations per batch).
    alone = enc.encode_texts(["cheap flights to Rome"])[0]
    assert float(alone @ q[2]) > 0.98


def test_tampered_pack_refused(tiny_clip_pack: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(tiny_clip_pack, bad)
    with (bad / "text.onnx").open("ab") as fh:
        fh.write(b"x")
    with pytest.raises(PackError, match="does not match its hash"):
        PackManager([]).import_pack(bad, tmp_path / "installed")
    assert not (tmp_path / "installed" / "tiny-clip").exists()


def test_zip_entry_escaping_refused(tiny_clip_pack: Path, tmp_path: Path) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in tiny_clip_pack.iterdir():
            zf.write(f, f.name)
        zf.writestr("../escape.txt", "gotcha")
    with pytest.raises(PackError, match="outside the pack"):
        PackManager([]).import_pack(z, tmp_path / "installed")
    assert not (tmp_path / "escape.txt").exists()


def test_unexpected_file_type_refused(tiny_clip_pack: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(tiny_clip_pack, bad)
    (bad / "model.pkl").write_bytes(b"\x80\x04not really")
    with pytest.raises(
        PackError, match=r"bad is not a Trove model pack: it holds the file model\.pkl"
    ):
        PackManager([]).import_pack(bad, tmp_path / "installed")
    z = tmp_path / "pack.zip"  # a zip says it in the same words, naming what it holds
    with zipfile.ZipFile(z, "w") as zf:
        for f in tiny_clip_pack.iterdir():
            zf.write(f, f.name)
        zf.writestr("junk.txt", "notes")
    with pytest.raises(PackError, match=r"pack.zip is not a Trove model pack: it holds junk.txt"):
        PackManager([]).import_pack(z, tmp_path / "installed")


def test_zip_import_round_trip_and_cli(
    tiny_clip_pack: Path, tmp_path: Path, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    z = tmp_path / "pack.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in tiny_clip_pack.iterdir():
            zf.write(f, f"tiny-clip/{f.name}")
    assert main(["models", "import", str(z)]) == 0
    assert main(["models", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [p["name"] for p in listed] == ["tiny-clip"]
    assert main(["models", "verify", "tiny-clip"]) == 0
    with (trove_home / "data" / "packs" / "tiny-clip" / "vision.onnx").open("ab") as fh:
        fh.write(b"!")
    assert main(["models", "verify", "tiny-clip"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert main(["models", "remove", "tiny-clip"]) == 0
    assert main(["models", "remove", "tiny-clip"]) == 1


def test_cli_import_bad_path_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["models", "import", str(tmp_path / "nope.zip")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("trove: cannot import pack") and "\n" not in err


def test_build_from_dir_via_cli(tiny_clip_source: Path, trove_home: Path) -> None:
    assert (
        main(
            [
                "models",
                "build",
                "my-clip",
                "--from-dir",
                str(tiny_clip_source),
                "--precision",
                "fp32",
            ]
        )
        == 0
    )
    pack = trove_home / "data" / "packs" / "my-clip"
    m = read_manifest(pack)
    assert m["precision"] == "fp32" and m["family"] == "clip"
    # what the manifest says, seen in the graphs: no 8-bit weights in either tower
    assert _eight_bit_weights(pack / "vision.onnx") == 0
    assert _eight_bit_weights(pack / "text.onnx") == 0


def _eight_bit_weights(graph: Path) -> int:
    import onnx

    eight = (onnx.TensorProto.INT8, onnx.TensorProto.UINT8)
    return sum(1 for t in onnx.load(str(graph)).graph.initializer if t.data_type in eight)


def test_embed_runtime_never_imports_torch(minilm_pack: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from desktop_app.core.packs import PackManager\n"
        f"enc = PackManager([Path({str(minilm_pack.parent)!r})]).document_encoder()\n"
        "v = enc.encode_texts(['hello world'])\n"
        "bad = [m for m in ('torch', 'transformers', 'optimum') if m in sys.modules]\n"
        "print('BAD' if bad else 'OK', v.shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("OK (1, 384)"), out.stdout + out.stderr


def test_install_pack_helper(tiny_clip_pack: Path, trove_home: Path) -> None:
    dest = install_pack(tiny_clip_pack, trove_home)
    assert PackManager([dest.parent]).get("tiny-clip").towers == ("vision", "text")


@pytest.mark.parametrize(("threads", "image_threads"), [(2, 1), (4, 2), (1, 1)])
def test_engine_gives_the_image_tower_half_the_threads(
    threads: int,
    image_threads: int,
    tiny_clip_pack: Path,
    minilm_pack: Path,
    trove_home: Path,
) -> None:
    """Indexing decodes photos on its own threads: the tower next to them gets half the cores.
    The document encoder runs one thread per call: passages are encoded two batches side by
    side (indexing/passes/meaning.py), and a query's few words need no more."""
    from desktop_app.core.engine import EngineConfig, TroveEngine

    install_pack(tiny_clip_pack, trove_home)
    install_pack(minilm_pack, trove_home)
    packs = trove_home / "data" / "packs"
    engine = TroveEngine(EngineConfig(trove_home / "data" / "index", (packs,), threads=threads))
    engine.open()
    try:
        image, text = engine.active_packs.image, engine.active_packs.text
        image.prepare()
        text.encode_texts(["warm up"])
        with image._vision.use() as session:
            vision = session.get_session_options()
        with text._sessions.use() as session:
            document = session.get_session_options()
        assert vision.intra_op_num_threads == image_threads
        assert document.intra_op_num_threads == 1
    finally:
        engine.close()


def test_the_engine_has_one_pack_owner_and_a_new_thread_count_remakes_its_encoders(
    tiny_clip_pack: Path, minilm_pack: Path, trove_home: Path
) -> None:
    """The window lists, installs and chooses packs before and after the index opens: one
    PackManager does all of it, and a reload keeps encoders that still answer."""
    from dataclasses import replace

    from desktop_app.core.engine import EngineConfig, TroveEngine

    install_pack(tiny_clip_pack, trove_home)
    install_pack(minilm_pack, trove_home)
    packs = trove_home / "data" / "packs"
    engine = TroveEngine(EngineConfig(trove_home / "data" / "index", (packs,), threads=2))
    before_open = engine.pack_manager()
    engine.open()
    try:
        assert engine.pack_manager() is before_open
        image, text = engine.active_packs.image, engine.active_packs.text
        assert image is not None and text is not None
        engine.reload_packs()
        assert engine.pack_manager() is before_open
        assert engine.active_packs.image is image  # the same encoder, not loaded again
        assert engine.active_packs.text is text
        engine.config = replace(engine.config, threads=1)
        engine.reload_packs()
        remade = engine.active_packs.image
        assert remade is not None and remade is not image
        remade.prepare()
        with remade._vision.use() as session:
            assert session.get_session_options().intra_op_num_threads == 1
    finally:
        engine.close()
    assert engine.pack_manager() is before_open


def test_passages_encoded_side_by_side_run_on_sessions_of_their_own(minilm_pack: Path) -> None:
    """Two lanes of passages each get a one-thread session of their own (faster than sharing
    one: embed/encoders.py), a third caller shares rather than making more, a query alone
    makes only one, and the vectors are those of the passage encoded alone."""
    import threading

    enc = PackManager([minilm_pack.parent], threads=2).document_encoder()
    assert enc is not None
    texts = ["ls lists directory contents", "tar stores many files in one", "grep finds lines"]
    alone = enc.encode_texts(texts[:1])
    assert enc._sessions.loaded() == 1

    real = enc._graph

    class Meeting:
        """The graph's runner, made to wait until every caller is inside a session at once."""

        def __init__(self, callers: int) -> None:
            self.barrier = threading.Barrier(callers, timeout=30)
            self.used: list[int] = []

        def run(self, session, feeds):  # type: ignore[no-untyped-def]
            self.used.append(id(session))
            self.barrier.wait()
            return real.run(session, feeds)

    for callers in (2, 3):
        meeting = Meeting(callers)
        used = meeting.used
        enc._graph = meeting  # type: ignore[assignment]
        out: dict[int, np.ndarray] = {}
        threads = [
            threading.Thread(
                target=lambda k=k, out=out: out.__setitem__(k, enc.encode_texts(texts[k : k + 1]))
            )
            for k in range(callers)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(out) == list(range(callers))
        assert len(set(used)) == 2, f"{callers} callers ran on {len(set(used))} session(s)"
        assert enc._sessions.loaded() == 2
        for s in enc._sessions._sessions:
            assert s.get_session_options().intra_op_num_threads == 1
        np.testing.assert_allclose(out[0], alone, atol=1e-6)


def test_jpeg_handed_to_the_decoder_in_one_piece_decodes_the_same(tmp_path: Path) -> None:
    """load_image gives the decoder a JPEG in one read: same pixels as Pillow's block-wise
    draft decode, and a truncated file still fails with a reason."""
    from desktop_app.core.embed.errors import ImageDecodeError
    from desktop_app.core.imaging import load_image
    from tests.fixtures import make_photo

    path = make_photo(tmp_path / "a.jpg", seed=3, size=(1600, 1200))
    with Image.open(path) as im:
        im.draft("RGB", (224, 224))
        reference = np.asarray(im.convert("RGB"))
    ours = load_image(str(path), 224)
    assert ours.size == (400, 300)  # 1/4 scale: the draft reduction still applies
    assert np.array_equal(np.asarray(ours), reference)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    with pytest.raises(ImageDecodeError, match="damaged or truncated"):
        load_image(str(cut), 224)
