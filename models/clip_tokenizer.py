"""Build CLIP's real BPE tokenizer (tokenizer.json) from OpenAI's shipped vocabulary."""

from __future__ import annotations

import gzip
import json
import tempfile
from functools import lru_cache
from pathlib import Path

VOCAB_GZ = Path(__file__).resolve().parent / "vocab" / "bpe_simple_vocab_16e6.txt.gz"
CONTEXT_LENGTH = 77


def _bytes_to_unicode() -> dict[int, str]:
    # The reversible byte -> printable-character table of GPT-2 / CLIP BPE.
    bs = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs), strict=True))


@lru_cache(maxsize=1)
def vocab_and_merges(vocab_gz: Path = VOCAB_GZ) -> tuple[dict[str, int], list[str]]:
    """The vocabulary and merges exactly as CLIP's simple_tokenizer builds them."""
    lines = gzip.open(vocab_gz).read().decode("utf-8").split("\n")
    merges = lines[1 : 49152 - 256 - 2 + 1]
    tokens = list(_bytes_to_unicode().values())
    tokens = tokens + [t + "</w>" for t in tokens]
    tokens += ["".join(m.split()) for m in merges]
    tokens += ["<|startoftext|>", "<|endoftext|>"]
    return {t: i for i, t in enumerate(tokens)}, merges


def write_clip_tokenizer_json(dest: Path, vocab_gz: Path = VOCAB_GZ) -> Path:
    """Write a fast-tokenizer ``tokenizer.json`` equivalent to transformers' CLIPTokenizer."""
    from transformers import CLIPTokenizerFast

    vocab, merges = vocab_and_merges(vocab_gz)
    with tempfile.TemporaryDirectory() as tmp:
        vocab_file = Path(tmp) / "vocab.json"
        merges_file = Path(tmp) / "merges.txt"
        vocab_file.write_text(json.dumps(vocab), encoding="utf-8")
        merges_file.write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
        fast = CLIPTokenizerFast(
            vocab_file=str(vocab_file),
            merges_file=str(merges_file),
            model_max_length=CONTEXT_LENGTH,
        )
        fast.backend_tokenizer.save(str(dest))
    return dest


def reference_clip_tokenizer(vocab_gz: Path = VOCAB_GZ):  # type: ignore[no-untyped-def]
    """transformers' slow (pure Python) CLIPTokenizer over the same files, for parity checks."""
    from transformers import CLIPTokenizer

    vocab, merges = vocab_and_merges(vocab_gz)
    tmp = Path(tempfile.mkdtemp())
    (tmp / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (tmp / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    return CLIPTokenizer(str(tmp / "vocab.json"), str(tmp / "merges.txt"))
