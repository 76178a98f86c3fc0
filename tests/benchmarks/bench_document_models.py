"""Document models from the hub: what getting one costs and how fast a change of model re-embeds.

    .venv/bin/python tests/benchmarks/bench_document_models.py [--passages 300] [--rounds 3]

The real weights of multilingual-e5-small and bge-small-en-v1.5 cannot be downloaded here, so
this measures mechanics only, on random weights of the same shapes (never a quality figure):
  - an XLM-RoBERTa of multilingual-e5-small's size (12 layers, 384 wide, 250,037 tokens) and a
    BERT of bge-small-en-v1.5's (12 layers, 384 wide, 30,522 tokens), exported as the hub
    repositories lay them out (tests/hub_fixtures.py), served from 127.0.0.1 and got with
    `PackGetter.download` as `trove models download` does: fp32 download size, time to
    download + check + convert + test + install, the pack's size;
  - passages per second on real manual-page passages (Trove's chunker), each pack in its own
    process, encoded as the re-embedding pass does (passes/repack.py -> meaning.encode_passages),
    rounds interleaved with the MiniLM pack: the ratio is what a change of document model costs
    next to the first indexing. Both shapes use MiniLM's WordPiece vocabulary for their token
    ids (XLM-R's SentencePiece is not on this machine); on English passages the two cut text
    into a similar number of tokens.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import cpu_facts, machine_line, median, real_passages, run_child

ENCODE = r"""
import json, sys, time
from pathlib import Path
from desktop_app.core.packs import PackManager
from desktop_app.core.indexing.passes.meaning import SLICE_PASSAGES, encode_passages
passages = json.loads(Path(sys.argv[2]).read_text())
enc = PackManager([Path(sys.argv[1])], threads=2).document_encoder(sys.argv[3])
assert enc is not None and enc.pack_id.startswith(sys.argv[3] + "@"), enc
encode_passages(enc, passages[:4])
t0 = time.perf_counter()
for i in range(0, len(passages), SLICE_PASSAGES):
    encode_passages(enc, passages[i : i + SLICE_PASSAGES])
print(json.dumps({"passages_per_s": len(passages) / (time.perf_counter() - t0)}))
"""


def _shape(dest: Path, kind: str) -> Path:
    import shutil

    import torch
    from transformers import BertConfig, BertModel, XLMRobertaConfig, XLMRobertaModel

    from models.registry import PRESETS, offline_source_dir

    dest.mkdir(parents=True)
    src = offline_source_dir(PRESETS["minilm-l6"])
    assert src is not None
    shutil.copyfile(Path(src) / "tokenizer.json", dest / "tokenizer.json")
    torch.manual_seed(0)
    common = dict(
        hidden_size=384, num_hidden_layers=12, num_attention_heads=12, intermediate_size=1536
    )
    if kind == "e5":
        XLMRobertaModel(
            XLMRobertaConfig(
                vocab_size=250037, max_position_embeddings=514, type_vocab_size=1, **common
            )
        ).eval().save_pretrained(dest)
    else:
        BertModel(
            BertConfig(vocab_size=30522, max_position_embeddings=512, **common)
        ).eval().save_pretrained(dest)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from desktop_app.core.packs.get.download import HubClient
    from desktop_app.core.packs.get.getpack import PackGetter
    from models.export import build_pack, resolve_source
    from tests.hub_fixtures import HubServer, export_bge, export_e5, tiny_presets

    print(machine_line(cpu_facts()))
    work = Path(tempfile.mkdtemp(prefix="trove-bench-docmodels-"))
    packs = work / "packs"
    name, src, label = resolve_source("minilm-l6", None)
    build_pack(name, src, packs, source_label=label)
    repos = {
        **export_e5(_shape(work / "src-e5", "e5"), work / "hub"),
        **export_bge(_shape(work / "src-bge", "bge"), work / "hub"),
    }
    tiny = tiny_presets()
    got: dict[str, dict[str, float | str]] = {}
    with HubServer(repos) as hub:
        for key, pack in (("e5", "e5-shaped"), ("bge", "bge-shaped")):
            preset = dataclasses.replace(tiny[key], name=pack, dim=384)
            size = sum(
                (repos[r.repo] / f.path).stat().st_size for r in preset.repos for f in r.files
            )
            t0 = time.perf_counter()
            PackGetter(packs, (), client=lambda c: HubClient(hub.url, cancel=c)).download(preset)
            manifest = json.loads((packs / pack / "manifest.json").read_text())
            got[pack] = {
                "download_mb": size / 1e6,
                "get_s": time.perf_counter() - t0,
                "pack_mb": sum(p.stat().st_size for p in (packs / pack).iterdir()) / 1e6,
                "answers_with": manifest["files"]["text"],
            }
    passages = real_passages(args.passages)
    pfile = work / "passages.json"
    pfile.write_text(json.dumps(passages))
    rates: dict[str, list[float]] = {p: [] for p in ("minilm-l6", "e5-shaped", "bge-shaped")}
    for _ in range(args.rounds):
        for pack in rates:
            out = run_child(ENCODE, str(packs), str(pfile), pack)
            rates[pack].append(float(out["passages_per_s"]))
    base = median(rates["minilm-l6"])
    print(f"{len(passages)} real passages, {args.rounds} rounds interleaved, medians:")
    for pack, xs in rates.items():
        extra = got.get(pack, {})
        facts = (
            f"; fp32 download {extra['download_mb']:.0f} MB, got in {extra['get_s']:.0f} s, "
            f"pack {extra['pack_mb']:.0f} MB, answers with {extra['answers_with']}"
            if extra
            else ""
        )
        print(f"  {pack:<11} {median(xs):6.1f} passages/s ({median(xs) / base:.2f}x MiniLM){facts}")


if __name__ == "__main__":
    main()
