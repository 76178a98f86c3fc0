"""Words in every language: known items, exact words and phrases, flags, code, names and
off-topic queries over Debian's translated manual pages, Trove against BM25 alone and a
name/path substring search.

    .venv/bin/python tests/benchmarks/bench_languages.py [--cache DIR] [--rebuild]
        [--out reports] [--split held-out|tuning|all]

The corpus (tests/benchmarks/languages_corpus.py) is real: manual pages in English, German,
French, Spanish, Japanese, Chinese and Russian, two PDF manuals and real files under accented,
spaced and non-Latin names. Each language is its own library (its own index, built by
`trove index` exactly as a user's folder would be); the English one also holds the PDFs and
the named files. The labels (tests/benchmarks/quality/languages.json) were written before any
tuning; every third query of each library and kind is held out and reported apart. Before
anything runs, every label whose answers come from the text is checked against the corpus.

Systems, side by side on the same index in the same run:
- trove: `engine.search` as the window and `trove search` run it;
- bm25: LanceDB's full-text search over the index's file names and passages alone, given the
  query as typed (one row per file, its best score);
- substring: what Everything does: the files whose path (inside the library) holds every word
  of the query, case- and accent-insensitively, shortest path first.

Metrics per library and kind: top-1 (the first result is an answer), hit@5; for off-topic
queries the share answered "No confident match" (no result marked strong; for bm25 and
substring, no result at all). The engine and the pack are those of the `desktop_app` Python
imports (PYTHONPATH decides; it is printed); indexes are kept in the cache folder per engine
source, so a changed engine indexes again and an unchanged one reuses its indexes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# The benchmark's own folder, not the repository root: the engine measured is the one
# PYTHONPATH names (a checkout of an older commit, say), never this file's checkout by force.
sys.path.insert(1, str(Path(__file__).resolve().parent))

from common import cpu_facts, machine_line, versions, write_report
from languages_corpus import (
    LIBRARIES,
    build_corpus,
    corpus_texts,
    files_containing,
    fold,
    pdf_texts,
)

LABELS = Path(__file__).with_name("quality") / "languages.json"
CORPUS_VERSION = "1"  # bump when the corpus or the way it is built changes
SYSTEMS = ("trove", "bm25", "substring")
KINDS = ("known-item", "exact", "flag", "code", "name", "offtopic")
TEXT_KINDS = ("exact", "flag", "code")  # answers computed from the corpus text
K = 10


def load_labels() -> list[dict[str, Any]]:
    """The labels, each with its split: every third query of a library and kind is held out."""
    queries = json.loads(LABELS.read_text(encoding="utf-8"))["queries"]
    seen: dict[tuple[str, str], int] = {}
    for i, q in enumerate(queries):
        n = seen.get((q["lib"], q["kind"]), 0)
        seen[(q["lib"], q["kind"])] = n + 1
        q["id"] = f"{q['lib']}-{i:03d}"
        q["split"] = "held-out" if n % 3 == 2 else "tuning"
    return queries


def check_labels(corpus: Path, labels: list[dict[str, Any]]) -> list[str]:
    """Labels the corpus no longer bears out (a changed Debian package, say)."""
    folded = {n: fold(t) for n, t in (corpus_texts(corpus) | pdf_texts(corpus)).items()}
    wrong = []
    for q in labels:
        missing = [a for a in q["answers"] if not (corpus / a).exists()]
        if missing:
            wrong.append(f"{q['q']!r}: no file {missing}")
        if q["kind"] in TEXT_KINDS:
            texts = {n: t for n, t in folded.items() if n.split("/")[0] in LIBRARIES[q["lib"]]}
            found = files_containing(texts, q["q"])
            if found != sorted(q["answers"]):
                wrong.append(f"{q['lib']} {q['q']!r}: labelled {q['answers']}, corpus {found}")
    return wrong


# --- the indexes -----------------------------------------------------------------------


def engine_root() -> Path:
    """The checkout whose `desktop_app` this process imports (and its subprocesses run)."""
    import desktop_app

    return Path(desktop_app.__file__).resolve().parents[1]


def engine_tag(root: Path) -> str:
    """A digest of the engine's source: indexes made by other code are not reused."""
    h = hashlib.sha1()
    for f in sorted((root / "desktop_app").rglob("*.py")):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


def _trove(root: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TROVE_HOME=str(home), PYTHONPATH=str(root))
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def build_corpus_once(cache: Path, rebuild: bool) -> Path:
    corpus = cache / f"corpus-v{CORPUS_VERSION}"
    if rebuild or not (corpus / "COMPLETE").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        build_corpus(corpus)
        (corpus / "COMPLETE").write_text("ok")
    return corpus


def build_index(
    cache: Path, corpus: Path, lib: str, root: Path, tag: str, rebuild: bool
) -> tuple[Path, dict[str, Any]]:
    """A TROVE_HOME whose index holds the library's folders, made by this engine."""
    home = cache / f"home-{lib}-v{CORPUS_VERSION}-{tag}"
    info_file = home / "bench-index.json"
    if info_file.exists() and not rebuild:
        return home, json.loads(info_file.read_text())
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    packs = cache / f"packs-{tag}"
    if not (packs / "minilm-l6" / "manifest.json").exists():
        out = _trove(root, home, "models", "build", "minilm-l6", "--out", str(packs))
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
    shutil.copytree(packs, home / "data" / "packs", dirs_exist_ok=True)
    folders = [str(corpus / f) for f in LIBRARIES[lib]]
    t0 = time.perf_counter()
    out = _trove(root, home, "index", *folders)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    info = {"seconds": time.perf_counter() - t0, "folders": folders, "output": out.stdout[-500:]}
    info_file.write_text(json.dumps(info, indent=1))
    return home, info


# --- the systems -----------------------------------------------------------------------


def _open(home: Path) -> Any:
    from desktop_app.core.engine import EngineConfig, TroveEngine

    data = home / "data"
    engine = TroveEngine(EngineConfig(data / "index", (data / "packs",)))
    engine.open(read_only=True)
    return engine


class Systems:
    def __init__(self, engine: Any, corpus: Path, lib: str) -> None:
        self.engine = engine
        self.corpus = corpus.resolve()
        self.store = engine.store
        self._paths: dict[str, str] = {}
        # substring: every file of the library, by its path inside the library's folder
        self.files = sorted(
            (str(f.relative_to(self.corpus)), fold(str(f.relative_to(self.corpus / top))))
            for top in LIBRARIES[lib]
            for f in (self.corpus / top).rglob("*")
            if f.is_file()
        )

    def _name(self, path: str) -> str:
        p = Path(path).resolve()
        return str(p.relative_to(self.corpus)) if p.is_relative_to(self.corpus) else path

    def _names(self, file_ids: list[str]) -> list[str]:
        missing = [f for f in file_ids if f not in self._paths]
        if missing:
            for fid, rec in self.store.files.get(missing, brief=True).items():
                self._paths[fid] = self._name(rec.path)
        return [self._paths[f] for f in file_ids if f in self._paths]

    def run(self, system: str, raw: str) -> tuple[list[str], list[bool], float]:
        """(ranked file names, strong flags, milliseconds)."""
        t0 = time.perf_counter()
        if system == "trove":
            from desktop_app.core.search.query import parse_query

            res = self.engine.search(parse_query(raw, limit=K * 2))
            names = [self._name(h.path) for h in res.hits]
            return names, [h.strong for h in res.hits], res.elapsed_ms
        if system == "bm25":
            best: dict[str, float] = {}
            hits = self.store.files.search_words(raw, 200)
            for h in hits + self.store.passages.search_words(raw, 200):
                best[h.file_id] = max(best.get(h.file_id, 0.0), h.score)
            names = self._names(sorted(best, key=lambda f: -best[f])[: K * 2])
            return names, [True] * len(names), (time.perf_counter() - t0) * 1000
        words = fold(raw.replace('"', " ")).split()
        found = [(len(p), name) for name, p in self.files if words and all(w in p for w in words)]
        names = [name for _, name in sorted(found)[: K * 2]]
        return names, [True] * len(names), (time.perf_counter() - t0) * 1000


# --- metrics ---------------------------------------------------------------------------


def score_query(q: dict[str, Any], names: list[str], strong: list[bool]) -> dict[str, Any]:
    answers = set(q["answers"])
    return {
        "top1": bool(names) and names[0] in answers,
        "hit5": any(n in answers for n in names[:5]),
        "strong_top1": bool(names) and names[0] in answers and strong[0],
        "any_strong": any(strong),
        "any_result": bool(names),
    }


def _mean(xs: list[float]) -> float:
    return statistics.fmean(xs) if xs else float("nan")


def summarise(rows: list[dict[str, Any]], system: str) -> dict[str, Any]:
    """Per kind: n, top-1 and hit@5 (answered kinds) or the no-confident-match share."""
    out: dict[str, Any] = {}
    for kind in KINDS:
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        if kind == "offtopic":
            key = "any_strong" if system == "trove" else "any_result"
            out[kind] = {"n": len(rs), "no_match": _mean([float(not r[key]) for r in rs])}
        else:
            out[kind] = {
                "n": len(rs),
                "top1": _mean([float(r["top1"]) for r in rs]),
                "hit5": _mean([float(r["hit5"]) for r in rs]),
            }
    return out


def evaluate(
    home: Path, corpus: Path, lib: str, labels: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    engine = _open(home)
    try:
        systems = Systems(engine, corpus, lib)
        per: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
        for q in labels:
            for system in SYSTEMS:
                names, strong, ms = systems.run(system, q["q"])
                row = score_query(q, names, strong)
                row.update(
                    id=q["id"], q=q["q"], kind=q["kind"], split=q["split"], ms=ms, top=names[:5]
                )
                row["strong5"] = strong[:5]
                per[system].append(row)
        return per
    finally:
        engine.close()


def _fmt(x: float) -> str:
    return "–" if x != x else f"{100 * x:.0f} %"


def table(results: dict[str, Any], split: str) -> list[str]:
    """One row per library and system: top-1 per answered kind (hit@5 in brackets) and the
    off-topic share answered "No confident match"."""
    head = "| library | system | " + " | ".join(KINDS) + " |"
    md = [head, "|---|---|" + "---|" * len(KINDS)]
    for lib, res in results.items():
        for system in SYSTEMS:
            s = res["summary"][system][split]
            cells = []
            for kind in KINDS:
                if kind not in s:
                    cells.append("")
                elif kind == "offtopic":
                    cells.append(f"{_fmt(s[kind]['no_match'])} (n={s[kind]['n']})")
                else:
                    c = s[kind]
                    cells.append(f"{_fmt(c['top1'])} [{_fmt(c['hit5'])}] (n={c['n']})")
            md.append(f"| {lib} | {system} | " + " | ".join(cells) + " |")
    return md


def failures(results: dict[str, Any], split: str) -> list[str]:
    """Trove's misses on this split: the query, the answer and what came first."""
    out = []
    for lib, res in results.items():
        for r in res["rows"]["trove"]:
            if r["split"] != split and split != "all":
                continue
            if r["kind"] == "offtopic" and r["any_strong"]:
                out.append(f"- {lib} offtopic `{r['q']}`: strong {r['top'][:2]}")
            elif r["kind"] != "offtopic" and not r["top1"]:
                out.append(f"- {lib} {r['kind']} `{r['q']}`: first {r['top'][:3]}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--cache", default=str(Path.home() / ".cache" / "trove-bench-languages"))
    ap.add_argument("--rebuild", action="store_true", help="build the corpus and indexes again")
    ap.add_argument("--split", default="held-out", choices=("held-out", "tuning", "all"))
    ap.add_argument("--libraries", default=",".join(LIBRARIES), help="e.g. de,ja")
    args = ap.parse_args()
    cache = Path(args.cache).expanduser()
    machine = cpu_facts()
    root = engine_root()
    tag = engine_tag(root)
    print(machine_line(machine), flush=True)
    print(f"engine: {root / 'desktop_app'} (source {tag})", flush=True)
    t_start = time.perf_counter()
    corpus = build_corpus_once(cache, args.rebuild)
    labels = load_labels()
    wrong = check_labels(corpus, labels)
    if wrong:
        print("labels the corpus does not bear out:\n  " + "\n  ".join(wrong), file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    for lib in args.libraries.split(","):
        home, info = build_index(cache, corpus, lib, root, tag, args.rebuild)
        mine = [q for q in labels if q["lib"] == lib]
        per = evaluate(home, corpus, lib, mine)
        splits = ("tuning", "held-out", "all")
        results[lib] = {
            "index": info,
            "summary": {
                s: {
                    sp: summarise([r for r in rows if sp in ("all", r["split"])], s)
                    for sp in splits
                }
                for s, rows in per.items()
            },
            "rows": per,
        }
        print(f"{lib}: {len(mine)} queries, indexed in {info['seconds']:.0f} s", flush=True)
    shown = ["held-out", "tuning"] if args.split == "held-out" else [args.split]
    md = [
        "# Words in every language",
        "",
        f"{machine_line(machine)}. Engine: `{root / 'desktop_app'}` (source {tag}). "
        f"{len(labels)} labelled queries; every third of each library and kind held out.",
        "",
        "Cells: top-1 [hit@5] (n); off-topic: share answered 'No confident match' (no strong "
        "result; bm25 and substring: no result at all).",
    ]
    for split in shown:
        md += ["", f"## {split}", "", *table(results, split)]
    md += ["", f"## Trove's misses ({shown[0]})", "", *failures(results, shown[0])]
    md += ["", f"Run time: {time.perf_counter() - t_start:.0f} s"]
    write_report(
        Path(args.out),
        "languages",
        {"machine": machine, "versions": versions(), "engine": str(root), "results": results},
        "\n".join(md),
    )
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
