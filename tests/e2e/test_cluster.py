"""`trove cluster index` for real on loopback: a Ray head and a second node on 127.0.0.1,
SeaweedFS's S3 on 127.0.0.1:8333 (both started here and stopped by process id), real manual
pages and photo-like JPEGs, the tiny image pack and MiniLM built through the real export path."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import install_pack
from tests.fixtures import make_photo, man_page, run_trove

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
S3_ENV = {
    "AWS_ACCESS_KEY_ID": "trovekey",
    "AWS_SECRET_ACCESS_KEY": "trovesecret",
    "AWS_ENDPOINT_URL": "http://127.0.0.1:8333",
    "AWS_REGION": "us-east-1",
    "AWS_ALLOW_HTTP": "true",
}
BUCKET = "trove"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a process started in its own session, and its children, by its process id."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    d = tmp_path_factory.mktemp("seaweed")
    (d / "s3.json").write_text(
        '{"identities":[{"name":"trove","credentials":[{"accessKey":"trovekey",'
        '"secretKey":"trovesecret"}],"actions":["Admin","Read","Write","List","Tagging"]}]}'
    )
    (d / "data").mkdir()
    log = open(d / "weed.log", "wb")
    proc = subprocess.Popen(
        [
            str(BIN / "weed"),
            "mini",
            f"-dir={d / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-s3.config={d / 's3.json'}",
            "-admin.ui=false",
            "-webdav=false",
            f"-bucket={BUCKET}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_port(8333)
        _wait_bucket()
        yield S3_ENV
    finally:
        _stop(proc)
        log.close()


def _wait_bucket(timeout: float = 60.0) -> None:
    import obstore
    from obstore.store import S3Store

    os.environ.update(S3_ENV)
    store = S3Store(BUCKET, client_options={"allow_http": True})
    end = time.monotonic() + timeout
    while True:
        try:
            obstore.put(store, "ready", b"1")
            return
        except Exception:
            if time.monotonic() > end:
                raise
            time.sleep(0.5)


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[dict[str, object]]:
    """A head and a second node (one CPU each) on 127.0.0.1, through Ray's own cluster
    utility: `ray start` turns 127.0.0.1 into the machine's outward address, which the
    loopback-only rule forbids, unless RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0, with which it
    refuses a second node. Its processes are stopped by their ids (remove_node, shutdown)."""
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # every address is 127.0.0.1
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    from ray.cluster_utils import Cluster

    node = {"num_cpus": 1, "object_store_memory": 300_000_000, "node_ip_address": "127.0.0.1"}
    cluster = Cluster(initialize_head=True, head_node_args={**node, "include_dashboard": False})
    try:
        worker = cluster.add_node(**node)
        env = {**os.environ, **S3_ENV}
        _wait_nodes(cluster.address, 2)
        yield {"address": cluster.address, "cluster": cluster, "worker": worker, "env": env}
    finally:
        cluster.shutdown()


def _wait_nodes(address: str, n: int, timeout: float = 90.0) -> None:
    code = (
        "import ray,sys;ray.init(address=sys.argv[1],log_to_driver=False);"
        "print(sum(1 for x in ray.nodes() if x['Alive']))"
    )
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = subprocess.run(
            [sys.executable, "-c", code, address], capture_output=True, text=True, timeout=60
        ).stdout.strip()
        if out.isdigit() and int(out) >= n:
            return
        time.sleep(1)
    raise AssertionError(f"the Ray cluster did not reach {n} nodes")


@pytest.fixture(scope="module")
def packs(
    tiny_clip_pack: Path, minilm_pack: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    d = tmp_path_factory.mktemp("cluster-packs")
    for p in (tiny_clip_pack, minilm_pack):
        shutil.copytree(p, d / p.name)
    return d


MAN = ("gzip", "df", "du", "tar", "sed", "ls")


def make_corpus(dest: Path, photos: int, pages: tuple[str, ...] = MAN, seed: int = 0) -> Path:
    for cmd in pages:
        (dest / "docs").mkdir(parents=True, exist_ok=True)
        (dest / "docs" / f"{cmd}.txt").write_text(man_page("en", cmd))
    for i in range(photos):
        make_photo(dest / "photos" / f"p{seed + i:04d}.jpg", seed=seed + i, size=(160, 120))
    return dest


def _library(uri: str) -> tuple[list[str], dict[str, str], int, int]:
    """(every path of the files table, path -> file_id, image rows, passage rows)."""
    from desktop_app.core.store.index_store import IndexStore

    s = IndexStore(uri, read_only=True)
    s.open()
    try:
        known = s.files.known()
        t = s._conn.table("files")
        paths = t.to_arrow().column("path").to_pylist()
        return paths, {p: k.file_id for p, k in known.items()}, s.images.count(), s.passages.count()
    finally:
        s.close()


def test_cluster_index_into_s3_then_incremental(
    s3: dict[str, str],
    ray_cluster: dict[str, object],
    packs: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = make_corpus(tmp_path / "src", photos=60)
    uri = f"s3://{BUCKET}/lib-incremental"
    env = {**ray_cluster["env"], "TROVE_HOME": str(tmp_path / "home")}  # type: ignore[dict-item]
    cmd = ["cluster", "index", str(src), "--to", uri, "--ray", str(ray_cluster["address"])]
    cmd += ["--packs", str(packs), "--slice", "50", "--json"]
    r = run_trove(*cmd, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "/66 files" in r.stderr  # progress per slice, like `trove index`
    paths, ids, images, passages = _library(uri)
    assert len(paths) == 66 and len(set(paths)) == 66
    assert images == 60 and passages > 6 * 5
    from desktop_app.cluster.indexes import segments

    # rows looked up by path and by id: B-trees, as a large local index has them
    assert {"path_idx": 1, "file_id_idx": 1}.items() <= segments(f"{uri}/files.lance").items()

    # the same manual pages answer their words through the app's own search code
    from desktop_app.core.packs.registry import PackManager
    from desktop_app.core.search.engine import SearchEngine
    from desktop_app.core.search.query import parse_query
    from desktop_app.core.store.index_store import IndexStore

    manager = PackManager([packs])
    store = IndexStore(uri, read_only=True)
    store.open()
    try:
        engine = SearchEngine(store, manager.document_encoder(), manager.image_encoder())
        hits = engine.search(parse_query("compress files with Lempel-Ziv coding", limit=5)).hits
        assert hits and hits[0].path.endswith("gzip.txt"), [h.path for h in hits]
    finally:
        store.close()

    # the command line searches the library with the local index, in one ranking
    home = tmp_path / "home"
    for p in packs.iterdir():
        install_pack(p, home)
    local = tmp_path / "local"
    (local / "notes").mkdir(parents=True)
    (local / "notes" / "cp.txt").write_text(man_page("en", "cp"))
    r = run_trove("index", str(local), env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    query = ["search", "copy files and directories", "--library", uri, "--json", "--limit", "5"]
    r = run_trove(*query, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    found = json.loads(r.stdout)
    assert found[0]["path"].endswith("cp.txt") and "library" not in found[0]
    assert {h.get("library") for h in found[1:]} == {uri}
    r = run_trove(
        "search", "Lempel-Ziv coding", "--library", uri, "--json", "--limit", "3", env=env
    )
    found = json.loads(r.stdout)
    assert found[0]["path"].endswith("gzip.txt") and found[0]["library"] == uri
    # a library whose store does not answer is left out with a note; the local hits remain
    offline = {**env, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{_free_port()}"}
    r = run_trove("search", "copy files and directories", "--library", uri, env=offline)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "cp.txt" in r.stdout and f"library {uri} left out" in r.stderr
    _the_window_searches(qtbot, monkeypatch, s3, home, local, uri)

    # a move, a deletion, a change and an addition
    moved_from = src / "photos" / "p0003.jpg"
    moved_to = src / "renamed" / "holiday.jpg"
    moved_to.parent.mkdir()
    os.rename(moved_from, moved_to)
    (src / "docs" / "df.txt").unlink()
    du = src / "docs" / "du.txt"
    du.write_text(du.read_text() + "\nsummarize disk usage of the set of FILES, recursively\n")
    make_photo(src / "photos" / "new.jpg", seed=999, size=(160, 120))
    r = run_trove(*cmd, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    summary = json.loads(r.stdout)
    assert (summary["added"], summary["changed"], summary["moved"], summary["deleted"]) == (
        1,
        1,
        1,
        1,
    )
    assert summary["unchanged"] == 63 and summary["written"] == 2
    paths2, ids2, images2, _ = _library(uri)
    assert len(paths2) == 66 and len(set(paths2)) == 66
    assert ids2[str(moved_to)] == ids[str(moved_from)]  # the move kept its id and vector
    assert str(src / "docs" / "df.txt") not in ids2 and images2 == 61


def _the_window_searches(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    s3: dict[str, str],
    home: Path,
    local: Path,
    uri: str,
) -> None:
    """The window, with the library the cluster wrote added in its settings, answers from it
    and from this computer's index in one ranking, the library's hit marked with its name."""
    from desktop_app.ui.results_model import LibraryRole
    from desktop_app.workers.libraries import READY
    from tests.ui.windows import real_window

    for key, value in {**s3, "TROVE_HOME": str(home)}.items():
        monkeypatch.setenv(key, value)
    win, _settings, host = real_window(qtbot, (local,), libraries=[uri])
    try:
        qtbot.waitUntil(lambda: len(win.browse.model.hits()) == 1, timeout=120_000)
        win.search.field.setText("Lempel-Ziv coding")
        qtbot.waitUntil(lambda: any(h.library == uri for h in win.model.hits()), timeout=90_000)
        hits = win.model.hits()
        assert hits[0].path.endswith("gzip.txt") and hits[0].library == uri, hits[:3]
        assert win.model.data(win.model.index(0), LibraryRole)  # its name on the tile
        assert host.libraries.states()[0].status == READY
    finally:
        host.shutdown()


def test_killed_job_and_lost_node_then_rerun_every_file_once(
    s3: dict[str, str], ray_cluster: dict[str, object], packs: Path, tmp_path: Path
) -> None:
    src = make_corpus(tmp_path / "src", photos=120, pages=MAN[:4])
    uri = f"s3://{BUCKET}/lib-killed"
    env = {**ray_cluster["env"], "TROVE_HOME": str(tmp_path / "home")}  # type: ignore[dict-item]
    cmd = ["cluster", "index", str(src), "--to", uri, "--ray", str(ray_cluster["address"])]
    cmd += ["--packs", str(packs), "--slice", "40", "--json"]
    job = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert job.stderr is not None
    line = job.stderr.readline()
    while line and "/124 files" not in line:
        line = job.stderr.readline()
    assert "/124 files" in line, "the job never reported a slice"
    # the second node dies mid-job (its processes killed), then the job itself is killed
    cluster: Any = ray_cluster["cluster"]
    cluster.remove_node(ray_cluster["worker"], allow_graceful=False)
    time.sleep(2)
    job.kill()
    job.wait(30)
    paths, _, _, _ = _library(uri)
    assert 0 < len(paths) < 124  # part of it was written
    ray_cluster["worker"] = cluster.add_node(
        num_cpus=1, object_store_memory=300_000_000, node_ip_address="127.0.0.1"
    )
    r = run_trove(*cmd, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    paths, ids, images, _ = _library(uri)
    assert len(paths) == 124 and len(set(paths)) == 124
    assert images == 120  # one vector per photo: what the killed slice left was replaced
    from desktop_app.core.store.index_store import IndexStore

    s = IndexStore(uri, read_only=True)
    s.open()
    try:
        t = s._conn.table("images_16")
        vec_ids = t.to_arrow().column("file_id").to_pylist()
    finally:
        s.close()
    assert len(vec_ids) == len(set(vec_ids)) == 120 and set(vec_ids) <= set(ids.values())

    # what a kill between a slice's two writes leaves: vectors whose files rows never came
    photo_ids = sorted(i for p, i in ids.items() if p.endswith(".jpg"))[:10]
    s = IndexStore(uri)
    s.open()
    try:
        s.files.delete(photo_ids)
    finally:
        s.close()
    r = run_trove(*cmd, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert json.loads(r.stdout)["added"] == 10
    paths, ids, images, _ = _library(uri)
    assert len(paths) == 124 and len(set(paths)) == 124
    assert images == 120  # the leftovers were found by their ids and replaced, not doubled


def test_two_jobs_write_one_library_at_once(
    s3: dict[str, str], ray_cluster: dict[str, object], packs: Path, tmp_path: Path
) -> None:
    a = make_corpus(tmp_path / "a", photos=40, pages=MAN[:3])
    b = make_corpus(tmp_path / "b", photos=40, pages=MAN[3:6], seed=500)
    uri = f"s3://{BUCKET}/lib-two"
    env = {**ray_cluster["env"], "TROVE_HOME": str(tmp_path / "home")}  # type: ignore[dict-item]
    jobs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "cluster", "index", str(src), "--to", uri]
            + ["--ray", str(ray_cluster["address"]), "--packs", str(packs), "--slice", "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for src in (a, b)
    ]
    outs = [j.communicate(timeout=600) for j in jobs]
    assert [j.returncode for j in jobs] == [0, 0], [e[-2000:] for _, e in outs]
    paths, _, images, _ = _library(uri)
    assert len(paths) == 86 and len(set(paths)) == 86 and images == 80


class _NoConditionalPut(http.server.BaseHTTPRequestHandler):
    """An S3-like store that stores every PUT, whatever its If-None-Match says."""

    objects: ClassVar[dict[str, bytes]] = {}

    def do_PUT(self) -> None:
        n = int(self.headers.get("Content-Length") or 0)
        self.objects[self.path] = self.rfile.read(n)
        self.send_response(200)
        self.send_header("ETag", '"x"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_DELETE(self) -> None:
        self.objects.pop(self.path, None)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_store_without_conditional_put_is_refused(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NoConditionalPut)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {
            **os.environ,
            **S3_ENV,
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{server.server_address[1]}",
            "TROVE_HOME": str(tmp_path / "home"),
        }
        src = make_corpus(tmp_path / "src", photos=2, pages=MAN[:1])
        r = run_trove("cluster", "index", str(src), "--to", "s3://nocas/lib", env=env, timeout=120)
        assert r.returncode == 1, r.stderr[-2000:]
        assert "does not honour conditional writes" in r.stderr
        # the probe was the only thing written, and it was removed
        assert not [k for k in _NoConditionalPut.objects if ".lance" in k]
    finally:
        server.shutdown()
