#!/bin/sh
# Install a built program folder for the current user on Linux:
#   packaging/linux/install.sh [dist/sakae_council]
# Copies the folder to ~/.local/opt/sakae_council, links ~/.local/bin/sakae-council, and adds the
# menu entry and icons. Uninstall: remove those three things; the data folder is left alone.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
src=${1:-$root/dist/sakae_council}
data=${XDG_DATA_HOME:-$HOME/.local/share}
dest=$HOME/.local/opt/sakae_council
[ -x "$src/sakae-council" ] || { echo "no built program in $src (run packaging/build.py)" >&2; exit 1; }
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications"
rm -rf "$dest"
cp -a "$src" "$dest"
ln -sf "$dest/sakae-council" "$HOME/.local/bin/sakae-council"
ln -sf "$dest/sakae-council-cli" "$HOME/.local/bin/sakae-council-cli"
icons=$src/_internal/resources/icons
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$icons/sakae_council_${size}.png" "$data/icons/hicolor/${size}x${size}/apps/sakae-council.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/sakae_council.svg" "$data/icons/hicolor/scalable/apps/sakae-council.svg"
sed "s|^Exec=.*|Exec=$dest/sakae-council|" "$here/sakae-council.desktop" > "$data/applications/sakae-council.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "installed: $dest"
