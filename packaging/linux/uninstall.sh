#!/usr/bin/env bash
# Remove Trove from ~/.local. Your index and settings stay unless you pass --purge.
set -euo pipefail
PREFIX="${PREFIX:-$HOME/.local}"
rm -rf "$PREFIX/lib/trove"
rm -f "$PREFIX/bin/trove" "$PREFIX/share/applications/trove.desktop" \
  "$PREFIX/share/icons/hicolor/256x256/apps/trove.png" "$PREFIX/share/icons/hicolor/scalable/apps/trove.svg"
if [ "${1:-}" = "--purge" ]; then
  rm -rf "${XDG_DATA_HOME:-$HOME/.local/share}/Trove" "${XDG_CONFIG_HOME:-$HOME/.config}/Trove" \
    "${XDG_CACHE_HOME:-$HOME/.cache}/Trove" "${XDG_STATE_HOME:-$HOME/.local/state}/Trove"
  echo "Trove and its index, settings and caches removed."
else
  echo "Trove removed. Your index and settings are kept; run with --purge to remove them too."
fi
