"""The any-language corpus: Debian's own manual pages in seven languages, real PDF manuals and
real pictures under the names people give files (accents, spaces, other scripts).

Nothing here is written for the test. Manual pages come from man-db's English originals and
Debian's translations (manpages-de, -fr, -es, -ja, -zh, -ru), rendered by groff as man-db
renders them (80 columns; hyphenation off, so a word is never cut across lines); PDF manuals
from /usr/share/doc; photos from scikit-image's bundled data.

    apt-get install man-db groff-base manpages manpages-de manpages-fr manpages-es \
        manpages-ja manpages-zh manpages-ru bzip2-doc libtasn1-doc fontconfig
    .venv/bin/pip install scikit-image

Layout of the corpus root: one folder per language (en/, de/, fr/, es/, ja/, zh/, ru/) of
``<command>.txt`` pages, pdf/ (manuals with function names) and names/ (real files under
accented, spaced and non-Latin names). Each library the benchmark indexes is a set of these
folders (LIBRARIES): a person's German manual pages, a person's Japanese ones, and an English
library that also holds the PDFs and the named files.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

MAN_ROOT = Path("/usr/share/man")
# language folder -> folder of its section-1 pages
MAN_DIRS = {
    "en": MAN_ROOT / "man1",
    "de": MAN_ROOT / "de" / "man1",
    "fr": MAN_ROOT / "fr" / "man1",
    "es": MAN_ROOT / "es" / "man1",
    "ja": MAN_ROOT / "ja" / "man1",
    "zh": MAN_ROOT / "zh_CN" / "man1",
    "ru": MAN_ROOT / "ru" / "man1",
}
# Commands most languages translate (coreutils, findutils, grep, tar, gzip, sed, procps);
# a language takes those it has, at most MAX_PAGES.
COMMANDS = (
    "df",
    "du",
    "ls",
    "cp",
    "mv",
    "rm",
    "find",
    "tar",
    "gzip",
    "ps",
    "kill",
    "chmod",
    "chown",
    "chgrp",
    "mkdir",
    "rmdir",
    "touch",
    "ln",
    "cat",
    "sort",
    "uniq",
    "head",
    "tail",
    "wc",
    "grep",
    "date",
    "sed",
    "diff",
    "cut",
    "tr",
    "tee",
    "split",
    "dd",
    "stat",
    "env",
    "nice",
    "sleep",
    "uname",
    "xargs",
    "free",
)
# Russian translates few of the above; these are the section-1 pages manpages-ru has.
COMMANDS_RU = (
    "ls",
    "cat",
    "man",
    "passwd",
    "apropos",
    "whatis",
    "chage",
    "chfn",
    "chsh",
    "fuser",
    "getent",
    "gpasswd",
    "iconv",
    "killall",
    "ldd",
    "locale",
    "localedef",
    "login",
    "newgrp",
    "pstree",
    "prtstat",
    "peekfd",
    "pslog",
    "sg",
    "expiry",
    "manpath",
    "lexgrog",
    "memusage",
    "mtrace",
    "pldd",
    "sprof",
    "vim",
    "vimtutor",
    "xxd",
)
MAX_PAGES = 34
LANGUAGES = tuple(MAN_DIRS)
LIBRARIES = {lang: (lang,) for lang in LANGUAGES} | {"en": ("en", "pdf", "names")}

PDFS = {
    "bzip2-manual.pdf": "/usr/share/doc/bzip2/manual.pdf.gz",
    "libtasn1.pdf": "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
}
# names/<name> <- its source: ("man", command) an English page rendered as text,
# ("file", path) a real document, ("photo", scikit-image file) a real picture (saved in the
# format its name says). Every source differs, so no two files hold the same content.
NAMED_FILES = {
    "Ünïcödé manual.pdf": ("file", "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf"),
    "Ñandú – informe final.pdf": ("file", "/usr/share/doc/fontconfig/fontconfig-user.pdf.gz"),
    "déjà vu/Chat sur le canapé.png": ("photo", "chelsea.png"),
    "déjà vu/journal intime.txt": ("man", "less"),
    "my_holiday-photo2.jpg": ("photo", "astronaut.png"),
    "rocket.jpg": ("photo", "rocket.jpg"),
    "coffee.png": ("photo", "coffee.png"),
    "Straße in München.jpg": ("photo", "motorcycle_right.png"),
    "São Paulo 2019/IMG_0042.JPG": ("photo", "motorcycle_left.png"),
    "Zoë's birthday.png": ("photo", "camera.png"),
    "写真 京都 2023.jpg": ("photo", "hubble_deep_field.jpg"),
    "Отчёт за март.txt": ("man", "ssh"),
    "naïve_bayes-notes v2.txt": ("man", "curl"),
    "Cañón del Colca.png": ("photo", "grass.png"),
    "Łódź – plan.png": ("photo", "brick.png"),
    "Ångström units.txt": ("man", "dpkg"),
}


def fold(text: str) -> str:
    """Lower case without accents (NFKD, combining marks dropped): how labels are matched."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Where a labelled word, phrase or flag occurs in folded text: whole words (a flag's
    dashes belong to it, so `--null` is not found in `--null-data`), any run of spaces or a
    line break between words, and between two CJK characters (scripts written without
    spaces, which a line may break anywhere)."""
    folded = fold(phrase.strip('"'))
    out = []
    for i, c in enumerate(folded):
        if c.isspace():
            if out and out[-1] != r"\s+":
                out.append(r"\s+")
            continue
        if i and _CJK.match(c) and _CJK.match(folded[i - 1]):
            out.append(r"\s*")
        out.append(re.escape(c))
    first, last = folded[0], folded[-1]
    left = "" if _CJK.match(first) else r"(?<![\w-])" if first == "-" else r"(?<!\w)"
    right = "" if _CJK.match(last) else r"(?![\w-])" if first == "-" else r"(?!\w)"
    return re.compile(left + "".join(out) + right)


def files_containing(texts: dict[str, str], phrase: str) -> list[str]:
    """The files (of ``texts``, already folded) in which ``phrase`` occurs, sorted."""
    rx = phrase_pattern(phrase)
    return sorted(name for name, text in texts.items() if rx.search(text))


def check_sources() -> list[str]:
    """What is missing on this machine (empty when everything is there)."""
    missing = [] if shutil.which("groff") else ["groff"]
    for lang, folder in MAN_DIRS.items():
        if not any(folder.glob("ls.1*")):
            missing.append(f"manual pages for {lang} ({folder})")
    for _kind, src in [("file", p) for p in PDFS.values()] + list(NAMED_FILES.values()):
        if _kind == "file" and not Path(src).exists():
            missing.append(src)
    try:
        import skimage  # noqa: F401
    except ImportError:
        missing.append("scikit-image (pip install scikit-image)")
    return missing


def page_source(lang: str, command: str) -> Path | None:
    """The page file of ``command`` in ``lang`` (None when that language lacks it)."""
    for f in sorted(MAN_DIRS[lang].glob(f"{command}.1*")):
        if f.name.split(".")[0] == command:
            return f.resolve()
    return None


def render_page(src: Path) -> str:
    """A manual page as plain text, 80 columns, as man-db renders it (groff with preconv and
    tbl), without hyphenation. man itself is not used: `man -l` stalls on Chinese pages."""
    data = _read(str(src))
    env = dict(os.environ, LANG="C.UTF-8")
    out = subprocess.run(
        ["groff", "-k", "-t", "-mandoc", "-Tutf8", "-P-c", "-rLL=80n", "-rLT=80n", "-rHY=0"],
        input=data,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    text = out.stdout.decode("utf-8", "replace")
    return re.sub(r".\x08", "", text) if out.returncode == 0 else ""


def pages_of(lang: str) -> dict[str, Path]:
    """command -> page file, for the commands ``lang`` has (fixed order, at most MAX_PAGES)."""
    out: dict[str, Path] = {}
    seen: set[Path] = set()
    for command in COMMANDS_RU if lang == "ru" else COMMANDS:
        src = page_source(lang, command)
        if src is None or src in seen or _read(str(src))[:4] == b".so ":
            continue
        seen.add(src)
        out[command] = src
        if len(out) == MAX_PAGES:
            break
    return out


def build_corpus(dest: Path) -> Path:
    """Write every folder of the corpus into ``dest``."""
    missing = check_sources()
    if missing:
        raise RuntimeError("the language corpus needs: " + ", ".join(missing))
    for lang in LANGUAGES:
        folder = dest / lang
        folder.mkdir(parents=True, exist_ok=True)
        for command, src in pages_of(lang).items():
            text = render_page(src)
            if len(text) < 500:
                raise RuntimeError(f"{src} renders to nothing")
            (folder / f"{command}.txt").write_text(text, encoding="utf-8")
    (dest / "pdf").mkdir(exist_ok=True)
    for name, src in PDFS.items():
        (dest / "pdf" / name).write_bytes(_read(src))
    for name, (kind, src) in NAMED_FILES.items():
        target = dest / "names" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if kind == "file":
            target.write_bytes(_read(src))
        elif kind == "man":
            page = page_source("en", src)
            if page is None:
                raise RuntimeError(f"no English manual page for {src}")
            target.write_text(render_page(page), encoding="utf-8")
        else:
            _save_photo(src, target)
    return dest


def corpus_texts(root: Path) -> dict[str, str]:
    """Relative path -> text of every rendered page and named text file (PDFs and pictures
    are left out: their text is what an extractor reads)."""
    return {
        str(f.relative_to(root)): f.read_text(encoding="utf-8") for f in sorted(root.rglob("*.txt"))
    }


def pdf_texts(root: Path) -> dict[str, str]:
    """Relative path -> text of each PDF, read with pypdfium2 (what Trove reads PDFs with)."""
    import pypdfium2

    out = {}
    for f in sorted(root.rglob("*.pdf")):
        doc = pypdfium2.PdfDocument(str(f))
        try:
            out[str(f.relative_to(root))] = "\n".join(
                doc[i].get_textpage().get_text_range() for i in range(len(doc))
            )
        finally:
            doc.close()
    return out


def _save_photo(name: str, target: Path) -> None:
    from PIL import Image
    from skimage import data_dir

    with Image.open(Path(data_dir) / name) as im:
        if target.suffix.lower() in (".jpg", ".jpeg"):
            im.convert("RGB").save(target, "JPEG", quality=92)
        else:
            im.save(target)


def _read(src: str) -> bytes:
    data = Path(src).read_bytes()
    return gzip.decompress(data) if src.endswith(".gz") else data
