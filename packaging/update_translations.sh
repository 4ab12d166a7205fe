#!/bin/sh
# Refresh the translation sources from the GUI code, then compile them for the app.
# Usage: packaging/update_translations.sh   (from anywhere; uses the project's .venv)
set -eu
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
"$BIN/pyside6-lupdate" -no-obsolete $(find kkmp_pos/gui -name "*.py" | sort) -ts resources/translations/kkmp_pos_en.ts
"$BIN/pyside6-lrelease" resources/translations/kkmp_pos_en.ts -qm resources/translations/kkmp_pos_en.qm
