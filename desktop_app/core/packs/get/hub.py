"""Models Trove can download ready-made from the model hub: repositories, pinned commits, files.

Each image preset names the public repositories that host a CLIP-family model as two ONNX graphs
(vision and text), each document preset the repository of a sentence encoder's ONNX graph (token
states: Trove pools them as the model was trained to); each is pinned to a commit, so its bytes cannot change under a user. Where a
file's SHA-256 (and size) was found in public material it is pinned here as well; every other
file is checked against the hub's own listing of that commit (LFS files: size and SHA-256;
small files: size and git's blob SHA-1). Sources of the pins are named beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Files a preset may fetch, by role. The graphs are checked and read by onnxruntime only; the
# JSON files are parsed as data; nothing downloaded is executed or unpickled.
ROLES = (
    "vision",  # the image tower, fp32 ONNX
    "text",  # the text tower, fp32 ONNX
    "tokenizer",  # tokenizer.json (HF tokenizers)
    "tokenizer_config",  # tokenizer_config.json: pad token, model_max_length
    "hf_preprocessor",  # preprocessor_config.json (transformers' image processor)
    "open_clip_preprocess",  # preprocess_cfg.json (open_clip, Immich's exports)
    "open_clip_config",  # config.json (open_clip model config: context length)
)
DOCUMENT_FAMILY = "sentence"  # a document preset: one text graph, no image tower


@dataclass(frozen=True)
class HubFile:
    """One file of a hub repository and what it is for."""

    path: str  # inside the repository, '/'-separated
    role: str
    sha256: str | None = None  # pinned here; else taken from the hub's listing of the commit
    size: int | None = None
    optional: bool = False  # fetched when the commit has it


@dataclass(frozen=True)
class HubRepo:
    repo: str  # owner/name
    revision: str | None  # a commit hash; None: not confirmed (download needs --revision)
    files: tuple[HubFile, ...]


@dataclass(frozen=True)
class HubPreset:
    name: str  # the pack's name
    title: str  # what a person reads in the dialog
    family: str  # 'clip' | 'siglip'
    layout: str  # 'qdrant' | 'xenova' | 'immich' | 'onnx-community'
    licence: str
    dim: int
    download_mb: int  # approximate download size
    pack_mb: int  # approximate installed size (int8 towers)
    repos: tuple[HubRepo, ...]
    note: str = ""
    # the languages the model understands (ISO 639-1), written into the pack's manifest: a
    # pack's meaning is never "strong" on a passage or query in a language it does not declare
    languages: tuple[str, ...] = ("en",)
    # document models: how the token states become one vector ('mean' over the real tokens,
    # or 'cls': the first token's), and what the model was trained to see before a query and
    # before a passage (E5: "query: " / "passage: "; BGE: an instruction before queries only)
    pooling: str = ""
    query_prefix: str = ""
    passage_prefix: str = ""
    max_tokens: int = 512  # longest input the model was trained on
    lowercase: bool = False  # the model saw its text lowercased in training (SigLIP 2)

    @property
    def pinned(self) -> bool:
        return all(r.revision for r in self.repos)

    @property
    def for_documents(self) -> bool:
        return self.family == DOCUMENT_FAMILY


QDRANT = HubPreset(
    name="clip-vit-b32",
    title="CLIP ViT-B/32 (OpenAI, English) — recommended",
    family="clip",
    layout="qdrant",
    licence="MIT",
    dim=512,
    download_mb=606,
    pack_mb=155,
    # Revisions, sizes and SHA-256s as recorded by projects that pin these repositories
    # (semlith's docs/models.md; ImageLore's semantic module), the model files also by fastembed
    # users' catalogues (254,102,519 and 351,686,194 bytes).
    repos=(
        HubRepo(
            "Qdrant/clip-ViT-B-32-vision",
            "e0c24ed0fa57fa3e4f97f30de74c51d944036ace",
            (
                HubFile(
                    "model.onnx",
                    "vision",
                    "c68d3d9a200ddd2a8c8a5510b576d4c94d1ae383bf8b36dd8c084f94e1fb4d63",
                    351_686_194,
                ),
                HubFile(
                    "preprocessor_config.json",
                    "hf_preprocessor",
                    "ce945ef831c9972c135b5b198a03d8eeb70478cd69c0238f24caf1903a9965e6",
                ),
            ),
        ),
        HubRepo(
            "Qdrant/clip-ViT-B-32-text",
            "48ca1db27cb4063eb311ec2aa7f087a808112876",
            (
                HubFile(
                    "model.onnx",
                    "text",
                    "4dbe762b11e36488304471e439cde89da053ad7acaddbf9e096745d142ec8d8b",
                    254_102_519,
                ),
                HubFile(
                    "tokenizer.json",
                    "tokenizer",
                    "b68d571997a1f81bf521fb73806740ddb91e4ed6666cb6e996c066bb289cf55b",
                ),
                HubFile(
                    "tokenizer_config.json",
                    "tokenizer_config",
                    "6bdcee9ccce2a16ca2b4c0c5ed00b42c50ea225f4472a8c4c1e963a2902c2881",
                ),
            ),
        ),
    ),
    note="fastembed's CLIP: one model.onnx per tower (Qdrant, MIT)",
)

XENOVA = HubPreset(
    name="clip-vit-b32-xenova",
    title="CLIP ViT-B/32 (OpenAI, English), transformers.js export",
    family="clip",
    layout="xenova",
    licence="MIT",
    dim=512,
    download_mb=606,
    pack_mb=155,
    # Commit pinned by a public tagger that downloads these graphs; hashes from the hub's listing.
    repos=(
        HubRepo(
            "Xenova/clip-vit-base-patch32",
            "d15189d7028b43f1d3e65039190477f6af591c2a",
            (
                HubFile("onnx/vision_model.onnx", "vision"),
                HubFile("onnx/text_model.onnx", "text"),
                HubFile("tokenizer.json", "tokenizer"),
                HubFile("tokenizer_config.json", "tokenizer_config"),
                HubFile("preprocessor_config.json", "hf_preprocessor"),
            ),
        ),
    ),
    note="transformers.js layout: onnx/vision_model.onnx + onnx/text_model.onnx",
)

IMMICH = HubPreset(
    name="clip-vit-b32-immich",
    title="CLIP ViT-B/32 (OpenAI, English), Immich's export",
    family="clip",
    layout="immich",
    licence="MIT",
    dim=512,
    download_mb=606,
    pack_mb=155,
    # No commit of this repository could be confirmed from public material: the download asks
    # for one (--revision); the files of any commit are checked against the hub's listing.
    repos=(
        HubRepo(
            "immich-app/ViT-B-32__openai",
            None,
            (
                HubFile("visual/model.onnx", "vision"),
                HubFile("visual/preprocess_cfg.json", "open_clip_preprocess"),
                HubFile("textual/model.onnx", "text"),
                HubFile("textual/tokenizer.json", "tokenizer"),
                HubFile("textual/tokenizer_config.json", "tokenizer_config"),
                HubFile("config.json", "open_clip_config", optional=True),
            ),
        ),
    ),
    note="Immich layout: visual/ and textual/ with preprocess_cfg.json",
)

# SigLIP 2 was trained on WebLI in many languages, with Gemma's 256k SentencePiece vocabulary;
# its paper (arXiv 2502.14786, "SigLIP 2: Multilingual Vision-Language Encoders") reports image-
# text retrieval on Crossmodal-3600 in that benchmark's 36 languages. Those py3langid tells
# apart are declared (XM3600's Filipino is py3langid's "tl"; Maori it does not detect, and Cusco
# Quechua only as Quechua at large, left out). Its tokenizer cuts German, French, Spanish, Japanese and Chinese captions into
# known pieces (tests/benchmarks/bench_photo_tokenizers.py; README "Getting an image model").
SIGLIP2_LANGUAGES = tuple(
    "ar bn cs da de el en es fa fi fr he hi hr hu id it ja ko nl no pl pt ro ru sv sw te th tl "
    "tr uk vi zh".split()
)

SIGLIP2 = HubPreset(
    name="siglip2-base",
    title="SigLIP 2 base (Google, multilingual: photos found in many languages, larger)",
    family="siglip",
    layout="onnx-community",
    licence="Apache-2.0",
    dim=768,
    download_mb=1430,
    pack_mb=380,
    # Commit, sizes and SHA-256s of both graphs as pinned by several public projects (e.g.
    # PhotoLibrarian's prepare_zero_shot.py); the small files from the hub's listing.
    repos=(
        HubRepo(
            "onnx-community/siglip2-base-patch16-224-ONNX",
            "ba1f3b0843f24bc5417d38e19c37b287d719b2f4",
            (
                HubFile(
                    "onnx/vision_model.onnx",
                    "vision",
                    "c0573e3f4140c3a7c4e9cc5912bd6b26a033b46a6a8e8af26cbea262b163bcad",
                    371_807_752,
                ),
                HubFile(
                    "onnx/text_model.onnx",
                    "text",
                    "baf12d941beabafafb14f7b4adb38dc15be18681b964a84410ec53d9d65e6293",
                    1_129_469_657,
                ),
                HubFile("tokenizer.json", "tokenizer"),
                HubFile("tokenizer_config.json", "tokenizer_config"),
                HubFile("preprocessor_config.json", "hf_preprocessor"),
            ),
        ),
    ),
    note="transformers.js layout; text lowercased and padded to 64 tokens, as it was trained",
    languages=SIGLIP2_LANGUAGES,
    lowercase=True,
)

# The languages of multilingual-e5-small's training data that Trove detects (the model card
# names XLM-RoBERTa's 100 languages; those py3langid tells apart are declared)
E5_LANGUAGES = tuple(
    "af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu he "
    "hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml mn mr ms my ne nl no "
    "nb nn or pa pl ps pt ro ru sa sd si sk sl so sq sr su sv sw ta te th tl tr ug uk ur uz vi xh yi "
    "zh".split()
)

E5_SMALL = HubPreset(
    name="multilingual-e5-small",
    title="multilingual E5 small (documents in many languages)",
    family=DOCUMENT_FAMILY,
    layout="xenova",
    licence="MIT",
    dim=384,
    download_mb=488,
    pack_mb=135,
    # Commit and the small files' SHA-256s as pinned by several public projects that ship this
    # export (e.g. a session-embedding manifest and a certified-model installer); the fp32
    # graph's hash comes from the hub's listing of that commit.
    repos=(
        HubRepo(
            "Xenova/multilingual-e5-small",
            "761b726dd34fb83930e26aab4e9ac3899aa1fa78",
            (
                HubFile("onnx/model.onnx", "text"),
                HubFile(
                    "tokenizer.json",
                    "tokenizer",
                    "0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39",
                ),
                HubFile(
                    "tokenizer_config.json",
                    "tokenizer_config",
                    "a1d6bc8734a6f635dc158508bef000f8e2e5a759c7d92f984b2c86e5ff53425b",
                ),
            ),
        ),
    ),
    note="intfloat/multilingual-e5-small (MIT) as exported for transformers.js; mean pooling",
    languages=E5_LANGUAGES,
    pooling="mean",
    query_prefix="query: ",
    passage_prefix="passage: ",
)

BGE_SMALL_EN = HubPreset(
    name="bge-small-en",
    title="BGE small v1.5 (BAAI, English documents, stronger than the built-in model)",
    family=DOCUMENT_FAMILY,
    layout="baai",
    licence="MIT",
    dim=384,
    download_mb=134,
    pack_mb=35,
    # Commit and SHA-256s as pinned by a public project that loads this export (its fp32 graph
    # is byte-identical to Xenova/bge-small-en-v1.5's, pinned elsewhere by the same hash).
    repos=(
        HubRepo(
            "BAAI/bge-small-en-v1.5",
            "5c38ec7c405ec4b44b94cc5a9bb96e735b38267a",
            (
                HubFile(
                    "onnx/model.onnx",
                    "text",
                    "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35",
                ),
                HubFile(
                    "tokenizer.json",
                    "tokenizer",
                    "d241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66",
                ),
                HubFile(
                    "tokenizer_config.json",
                    "tokenizer_config",
                    "9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3",
                ),
            ),
        ),
    ),
    note="the authors' own ONNX export; CLS pooling, an instruction before queries",
    pooling="cls",
    query_prefix="Represent this sentence for searching relevant passages: ",
)

# The languages paraphrase-multilingual-MiniLM-L12-v2's model card lists (its "50+ languages",
# the sentence-transformers documentation's list), all of which py3langid detects (Norwegian
# Bokmal as "no")
PARAPHRASE_LANGUAGES = tuple(
    "ar bg ca cs da de el en es et fa fi fr gl gu he hi hr hu hy id it ja ka ko ku lt lv mk mn "
    "mr ms my nl no pl pt ro ru sk sl sq sr sv th tr uk ur vi zh".split()
)

PARAPHRASE_MULTILINGUAL = HubPreset(
    name="paraphrase-multilingual-minilm",
    title="paraphrase multilingual MiniLM L12 v2 (documents in 50 languages, short passages)",
    family=DOCUMENT_FAMILY,
    layout="xenova",
    licence="Apache-2.0",
    dim=384,
    download_mb=488,
    pack_mb=135,
    # Commit, sizes and SHA-256s as pinned alike by several public projects that download this
    # export (model acquisition manifests, download scripts and third-party notices of
    # unrelated projects: 470,268,510 and 17,082,913 bytes)
    repos=(
        HubRepo(
            "Xenova/paraphrase-multilingual-MiniLM-L12-v2",
            "2c4055b12046f11709e9df2c122e59ffbdc2f900",
            (
                HubFile(
                    "onnx/model.onnx",
                    "text",
                    "185ae63f47e17a7e8d30d0e6a3cde6a6e4b79bc5b81666ecffc279a6856ca113",
                    470_268_510,
                ),
                HubFile(
                    "tokenizer.json",
                    "tokenizer",
                    "b60b6b43406a48bf3638526314f3d232d97058bc93472ff2de930d43686fa441",
                    17_082_913,
                ),
                HubFile(
                    "tokenizer_config.json",
                    "tokenizer_config",
                    "3f5961b9ac86288cccdb97f32fb848d6187c78e1603958c53f3ea1f296b7d8a2",
                    496,
                ),
            ),
        ),
    ),
    note="sentence-transformers' model (Apache-2.0) as exported for transformers.js; mean "
    "pooling, no prefixes, 128 tokens",
    languages=PARAPHRASE_LANGUAGES,
    pooling="mean",
    max_tokens=128,
)

HUB_PRESETS: dict[str, HubPreset] = {
    p.name: p
    for p in (
        QDRANT,
        XENOVA,
        IMMICH,
        SIGLIP2,
        E5_SMALL,
        BGE_SMALL_EN,
        PARAPHRASE_MULTILINGUAL,
    )
}
DEFAULT_PRESET = QDRANT.name
MULTILINGUAL_DOCUMENTS = E5_SMALL.name  # what Trove suggests for documents not in English
MULTILINGUAL_PHOTOS = SIGLIP2.name  # and for photos searched in other languages


def hub_preset(name: str) -> HubPreset:
    """The preset called ``name``; KeyError with the known names otherwise."""
    try:
        return HUB_PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(HUB_PRESETS))
        raise KeyError(f"unknown model {name!r}; known: {known}") from None
