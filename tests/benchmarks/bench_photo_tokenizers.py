"""How the photo models' tokenizers cut captions in six languages: SigLIP 2's (Gemma's 256k
SentencePiece) against CLIP's English byte-level BPE.

Captions are the one-line descriptions of Debian's translated manual pages (the NAME lines of
manpages-de, -fr, -es, -ja, -zh and the English pages of the same commands), as `lexgrog`
reads them: real short sentences, not written for this.

SigLIP 2's tokenizer.json is not shipped with Trove (it comes with the model's download). Give
the Gemma vocabulary as a JSON list of the 256,000 pieces in id order (the order SentencePiece
ranks its BPE merges by); the tokenizer is rebuilt from it as transformers converts Gemma's
SentencePiece model (pieces joined by rank, no added prefix space, unknown characters as
UTF-8 bytes).

    python tests/benchmarks/bench_photo_tokenizers.py --gemma-vocab siglip2_vocab.json

Per language: captions, tokens per character, the share of tokens that are bytes of a
character the vocabulary lacks (Gemma's byte fallback; for CLIP, byte-level pieces that are not
a whole character), and the share of captions that fit in the model's text length (SigLIP 2:
64 tokens with its end token; CLIP: 77 with start and end).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path
from typing import Any

MAN = {"en": "", "de": "de", "fr": "fr", "es": "es", "ja": "ja", "zh": "zh_CN"}
_DESC = re.compile(r': "[^"]*? - (.+)"$')


def captions(lang: str, commands: set[str] | None = None) -> dict[str, str]:
    """{command: its one-line description} from the manual pages in ``lang``."""
    base = Path("/usr/share/man") / MAN[lang] / "man1"
    pages = sorted(base.glob("*.1.gz"))
    if commands is not None:
        pages = [p for p in pages if p.name.split(".")[0] in commands]
    if not pages:
        raise SystemExit(f"no manual pages in {base}: apt-get install manpages-{lang}")
    out = subprocess.run(
        ["lexgrog", *map(str, pages)], capture_output=True, text=True, check=False
    ).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        m = _DESC.search(line)
        if m:
            found.setdefault(Path(line.split(":")[0]).name.split(".")[0], m.group(1).strip())
    return found


def gemma_tokenizer(vocab_path: Path) -> Any:
    """Gemma's SentencePiece BPE rebuilt from its pieces in rank order."""
    from tokenizers import Tokenizer, decoders, models, normalizers

    pieces: list[str] = json.loads(vocab_path.read_text(encoding="utf-8"))
    vocab = {p: i for i, p in enumerate(pieces)}
    special = re.compile(r"^<[^<>]+>$|^\[@.*@\]$")
    merges: list[tuple[int, int, int, str, str]] = []
    for rank, piece in enumerate(pieces):
        if len(piece) < 2 or special.match(piece):
            continue
        for cut in range(1, len(piece)):
            left, right = piece[:cut], piece[cut:]
            if left in vocab and right in vocab:
                merges.append((rank, vocab[left], vocab[right], left, right))
    merges.sort()
    model = models.BPE(
        vocab=vocab,
        merges=[(m[3], m[4]) for m in merges],
        unk_token="<unk>",
        fuse_unk=True,
        byte_fallback=True,
    )
    tok = Tokenizer(model)
    tok.normalizer = normalizers.Replace(" ", "\u2581")
    tok.decoder = decoders.Sequence(
        [decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse()]
    )
    return tok


def clip_tokenizer(tmp: Path) -> Any:
    from tokenizers import Tokenizer

    from models.clip_tokenizer import write_clip_tokenizer_json

    path = tmp / "clip-tokenizer.json"
    write_clip_tokenizer_json(path)
    return Tokenizer.from_file(str(path))


_BYTE = re.compile(r"^<0x[0-9A-F]{2}>$")


def _clip_fragment(token_id: int, tok: Any) -> bool:
    """Is this byte-level BPE token part of a character rather than whole characters?"""
    return "\ufffd" in tok.decode([token_id])


def measure(texts: list[str], tok: Any, kind: str) -> dict[str, float]:
    from tokenizers import Encoding

    chars = sum(len(t) for t in texts)
    n_tokens = fragments = fits = 0
    for t in texts:
        enc: Encoding = tok.encode(t.lower() if kind == "gemma" else t)
        pairs = [
            (i, x)
            for i, x in zip(enc.ids, enc.tokens, strict=True)
            if x not in ("<|startoftext|>", "<|endoftext|>")
        ]
        toks = [x for _, x in pairs]
        n_tokens += len(toks)
        if kind == "gemma":
            fragments += sum(1 for x in toks if _BYTE.match(x))
            fits += len(toks) + 1 <= 64
        else:
            fragments += sum(1 for i, _ in pairs if _clip_fragment(i, tok))
            fits += len(toks) + 2 <= 77
    return {
        "captions": len(texts),
        "tokens_per_char": n_tokens / chars,
        "byte_token_share": fragments / n_tokens,
        "fit_share": fits / len(texts),
    }


def main() -> None:
    import platform
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gemma-vocab", type=Path, required=True)
    args = ap.parse_args()
    cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    print(next((x for x in cpu.splitlines() if x.startswith("Model name")), platform.machine()))
    gemma = gemma_tokenizer(args.gemma_vocab)
    with tempfile.TemporaryDirectory() as tmp:
        clip = clip_tokenizer(Path(tmp))
    # the same sentence in both: Gemma's pieces as Gemma's own converter gives them
    hello = gemma.encode("Hello, world!")
    print("Gemma's own tokenizer gives 4521 235269 2134 235341 here:", hello.ids, hello.tokens)
    others = {lang: captions(lang) for lang in MAN if lang != "en"}
    english = captions("en", set().union(*(set(c) for c in others.values())))
    others["en"] = english
    print(
        f"{'lang':5} {'n':>4}  {'SigLIP 2 tok/char':>17} {'bytes':>6} {'fit 64':>6}"
        f"  {'CLIP tok/char':>13} {'bytes':>6} {'fit 77':>6}"
    )
    for lang in MAN:
        texts = list(others[lang].values())
        g, c = measure(texts, gemma, "gemma"), measure(texts, clip, "clip")
        print(
            f"{lang:5} {len(texts):>4}  {g['tokens_per_char']:>17.3f} "
            f"{g['byte_token_share']:>6.1%} {g['fit_share']:>6.0%}"
            f"  {c['tokens_per_char']:>13.3f} {c['byte_token_share']:>6.1%} {c['fit_share']:>6.0%}"
        )
    for lang in MAN:
        text = others[lang].get("ls") or next(iter(others[lang].values()))
        print(f"{lang}: {text!r} -> {gemma.encode(text.lower()).tokens}")


if __name__ == "__main__":
    main()
