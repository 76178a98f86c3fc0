"""Everything about model packs, owned by the engine: the manifest, the registry (list, hand
out encoders, install, remove), the active choice, and ``get/`` (a pack from the hub, a
download or a folder, assembled and quantised without torch)."""

from desktop_app.core.packs.registry import PackManager

__all__ = ["PackManager"]
