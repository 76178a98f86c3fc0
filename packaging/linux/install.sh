#!/usr/bin/env bash
# Install Trove for this user under ~/.local (no root needed).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
DEST="$PREFIX/lib/trove"
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" \
  "$PREFIX/share/icons/hicolor/256x256/apps" "$PREFIX/share/icons/hicolor/scalable/apps"
rm -rf "$DEST"
cp -a "$HERE/trove" "$DEST"
ln -sf "$DEST/trove" "$PREFIX/bin/trove"
sed "s#^Exec=.*#Exec=$DEST/trove#" "$DEST/_internal/resources/trove.desktop" \
  > "$PREFIX/share/applications/trove.desktop"
cp "$DEST/_internal/resources/icons/trove-256.png" "$PREFIX/share/icons/hicolor/256x256/apps/trove.png"
cp "$DEST/_internal/resources/icons/trove.svg" "$PREFIX/share/icons/hicolor/scalable/apps/trove.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$PREFIX/share/applications" || true
echo "Trove installed in $DEST; run 'trove' (make sure $PREFIX/bin is on your PATH) or open it from your applications menu."
