"""Every directory Trove reads or writes, built once (TROVE_HOME overrides all of them)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Trove"
ENV_HOME = "TROVE_HOME"


@dataclass(frozen=True)
class Paths:
    """Where the app keeps its data. Build with :func:`Paths.from_env`, never at import time."""

    data: Path  # index, model packs
    config: Path  # settings.json
    cache: Path  # thumbnails
    logs: Path
    resources: Path  # shipped icons, styles, sample files (read-only)
    bundled_packs: Path  # model packs shipped inside a frozen build (read-only)

    @property
    def index_dir(self) -> Path:
        return self.data / "index"

    @property
    def packs_dir(self) -> Path:
        return self.data / "packs"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def pack_checks_file(self) -> Path:
        """Each int8 tower's check on this machine (core.embed.fidelity); safe to delete."""
        return self.cache / "pack-checks.json"

    @property
    def log_file(self) -> Path:
        return self.logs / "trove.log"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        resources, bundled = _shipped_dirs()
        home = env.get(ENV_HOME)
        if home:
            root = Path(home).expanduser().resolve()
            return cls(
                data=root / "data",
                config=root / "config",
                cache=root / "cache",
                logs=root / "logs",
                resources=resources,
                bundled_packs=bundled,
            )
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            cache=Path(dirs.user_cache_dir),
            logs=Path(dirs.user_log_dir),
            resources=resources,
            bundled_packs=bundled,
        )

    def ensure(self) -> None:
        """Create the writable directories; raise OSError with the path when that fails."""
        for d in (self.data, self.config, self.cache, self.logs, self.packs_dir, self.index_dir):
            d.mkdir(parents=True, exist_ok=True)

    def all_writable(self) -> tuple[Path, ...]:
        return (self.data, self.config, self.cache, self.logs)


def _shipped_dirs() -> tuple[Path, Path]:
    """Locate resources/ and bundled packs, inside a PyInstaller bundle or a source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        base = Path(frozen_root)
        return base / "resources", base / "packs"
    repo = Path(__file__).resolve().parent.parent
    return repo / "resources", repo / "packaging" / "packs"
