#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages CaseReview needs, only those missing.
#   scripts/sysdeps.sh run   — what the workstation needs (CJK fonts, Qt's X/EGL libraries, LibreOffice)
#   scripts/sysdeps.sh test  — the above plus what the tests need (PostgreSQL server, Xvfb, poppler)
set -euo pipefail
mode=${1:-run}
pkgs=(fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libglib2.0-0)
if [ "$mode" = test ]; then
  pkgs+=(postgresql xvfb poppler-utils)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "正在安装系统软件包 (installing system packages): ${missing[*]}"
if ! command -v apt-get >/dev/null; then
  echo "找不到 apt-get：请手动安装 ${missing[*]}" >&2; exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "需要 root 权限安装：${missing[*]}" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
# An old or empty package list makes installs fail: refresh it once.
$sudo apt-get update -q
# Some library names differ between releases (e.g. t64 renames); install what exists.
avail=()
for p in "${missing[@]}"; do
  if apt-cache show "$p" >/dev/null 2>&1; then avail+=("$p"); else echo "跳过不可用的软件包: $p" >&2; fi
done
[ ${#avail[@]} -eq 0 ] || $sudo apt-get install -y -q --no-install-recommends "${avail[@]}"
