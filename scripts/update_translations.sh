#!/usr/bin/env bash
# Regenerate the interface translations: safe to run any number of times.
#
#   1. pyside6-lupdate reads every studio/qt/*.py and merges its tr()/translate() strings
#      into studio/qt/i18n/minigame_studio_<lang>.ts (existing translations are kept;
#      new strings are marked unfinished; removed ones are kept as "vanished").
#   2. pyside6-lrelease compiles each .ts into the .qm the application loads.
#
# Then translate any unfinished message in the .ts (Qt Linguist: `pyside6-linguist FILE.ts`,
# or edit the XML), run this script again, and commit the .ts and .qm together.
# tests/studio/test_translations.py fails while a message is unfinished.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

find_tool() {
    if [[ -x "$root/.venv/bin/$1" ]]; then
        echo "$root/.venv/bin/$1"
    elif command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
    else
        echo "update_translations.sh: $1 not found (pip install pyside6-essentials)" >&2
        exit 1
    fi
}
lupdate="$(find_tool pyside6-lupdate)"
lrelease="$(find_tool pyside6-lrelease)"

languages=(zh_CN)
i18n=studio/qt/i18n
mkdir -p "$i18n"

shopt -s nullglob
sources=(studio/qt/*.py)  # the glob is sorted, so the .ts is the same on every run
if ((${#sources[@]} == 0)); then
    echo "update_translations.sh: no sources in studio/qt" >&2
    exit 1
fi

for language in "${languages[@]}"; do
    ts="$i18n/minigame_studio_${language}.ts"
    # No source locations: other people's edits would otherwise move every line number.
    "$lupdate" "${sources[@]}" -ts "$ts" -target-language "$language" -locations none
    "$lrelease" "$ts" -qm "${ts%.ts}.qm"
done
