"""Reliability under kills: trove index killed at random instants and while a new index makes
its tables; after each kill the index opens and answers, and the next run finishes it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.store.index_store import IndexStore
from tests.conftest import install_pack

WORDS = (
    "garden invoice holiday recipe engine budget river concert doctor school train castle "
    "violin harbour printer salary ticket forest museum coffee"
).split()


def _corpus(root: Path, n: int) -> None:
    rng = random.Random(5)
    for i in range(n):
        d = root / f"folder{i % 20:02d}"
        d.mkdir(parents=True, exist_ok=True)
        words = " ".join(rng.choice(WORDS) for _ in range(30))
        (d / f"note{i:05d}.txt").write_text(f"Note {i}. {words}.\n")


def _check_index(home: Path, root: Path) -> None:
    s = IndexStore(home / "data" / "index", read_only=True)
    s.open()
    try:
        known = s.files.known()
        on_disk = {str(p) for p in root.rglob("*.txt")}
        assert set(known) == on_disk  # every file exactly once (paths are unique keys)
        ids = [k.file_id for k in known.values()]
        assert len(ids) == len(set(ids))
        # the rows on disk, as LanceDB holds them: a duplicate passage shows only there
        import lancedb

        db = lancedb.connect(str(home / "data" / "index"))
        chunk_tables = [db.open_table(n) for n in db.table_names() if n.startswith("chunks_")]
        assert chunk_tables
        chunk_ids: list[str] = []
        chunk_files: set[str] = set()
        for t in chunk_tables:
            tbl = t.to_arrow().select(["chunk_id", "file_id"])
            chunk_ids += tbl.column("chunk_id").to_pylist()
            chunk_files |= set(tbl.column("file_id").to_pylist())
        assert len(chunk_ids) == len(set(chunk_ids))  # no duplicate rows
        assert chunk_files == set(ids)  # every file has its passages, and no orphans
    finally:
        s.close()


def _reclaim(index_dir: Path) -> None:
    import desktop_app.core.store.index_store as store_mod

    s = IndexStore(index_dir)
    s.open()
    old = store_mod.CLEANUP_GRACE_S
    store_mod.CLEANUP_GRACE_S = 0
    try:
        s.maintain()
    finally:
        store_mod.CLEANUP_GRACE_S = old
        s.close()


@pytest.mark.slow
def test_kill_at_random_instants_then_finish(
    tmp_path: Path, trove_home: Path, minilm_pack: Path
) -> None:
    install_pack(minilm_pack, trove_home)
    root = tmp_path / "notes"
    _corpus(root, 2000)
    env = dict(os.environ, TROVE_HOME=str(trove_home))
    rng = random.Random(11)
    kills = 0
    files = sorted(root.rglob("*.txt"))
    for round_ in range(22):
        if round_:  # people keep editing while Trove runs: there is always work to interrupt
            for f in rng.sample(files, 150):
                with f.open("a") as fh:
                    fh.write(f" edit {round_} {rng.choice(WORDS)}\n")
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "index", str(root)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.8, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        # after every kill the index opens and answers
        out = subprocess.run(
            [sys.executable, "-m", "desktop_app", "search", "violin concert", "--json"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert out.returncode == 0, out.stderr
    assert kills >= 20
    final = subprocess.run(
        [sys.executable, "-m", "desktop_app", "index", str(root)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert final.returncode == 0, final.stderr
    _check_index(trove_home, root)
    # With no writer active, reclaim what the kills left (old versions, orphaned files).
    _reclaim(trove_home / "data" / "index")
    _check_index(trove_home, root)
    # nothing unreclaimed: the index is no bigger than one built in a single clean run
    killed_size = sum(
        f.stat().st_size for f in (trove_home / "data" / "index").rglob("*") if f.is_file()
    )
    clean_home = tmp_path / "clean-home"
    install_pack(minilm_pack, clean_home)
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "index", str(root)],
        env=dict(env, TROVE_HOME=str(clean_home)),
        check=True,
        capture_output=True,
    )
    _reclaim(clean_home / "data" / "index")
    clean_size = sum(
        f.stat().st_size for f in (clean_home / "data" / "index").rglob("*") if f.is_file()
    )
    assert killed_size < clean_size * 1.5, (killed_size, clean_size)


@pytest.mark.parametrize("table", ["files", "problems", "meta"])
def test_a_first_run_killed_while_making_its_tables(
    tmp_path: Path, minilm_pack: Path, table: str
) -> None:
    """The first run is killed the moment a table's folder appears, before (0 ms) or just
    after (a few ms) LanceDB commits it: every next run opens the index and indexes."""
    root = tmp_path / "notes"
    _corpus(root, 40)
    for i, delay in enumerate((0.0, 0.002, 0.006)):
        home = tmp_path / f"home{i}"
        install_pack(minilm_pack, home)
        env = dict(os.environ, TROVE_HOME=str(home))
        index = home / "data" / "index"
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "index", str(root)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not (index / f"{table}.lance").exists() and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.0005)
        time.sleep(delay)
        # still running: the kill lands mid-run, not on a process that already ended
        assert proc.poll() is None, f"the first run ended ({proc.returncode}) before the kill"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
        cmd = [sys.executable, "-m", "desktop_app"]
        found = subprocess.run(
            [*cmd, "search", "violin", "--json"], env=env, capture_output=True, text=True
        )
        assert found.returncode == 0, found.stderr
        done = subprocess.run([*cmd, "index", str(root)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        _check_index(home, root)
