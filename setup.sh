#!/usr/bin/env bash
# The one script behind the README's two commands:
#   ./setup.sh sample   set everything up and build the sample issues (one page, photos, the 2-page edition)
#   ./setup.sh test     set everything up and run the whole test suite
# It installs the Debian packages (fonts, poppler, qpdf, chromium for the QA report test) and a
# Python virtual environment in .venv with the pinned packages from pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai poppler-utils qpdf)
[ "${1:-}" = "test" ] && APT_PACKAGES+=(chromium ghostscript)  # the QA report test; gs -dPDFX and tiffsep checks

install_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  # another install running at the same time (a second clone's set-up) holds the dpkg lock: wait for it
  local wait=(-o DPkg::Lock::Timeout=600)
  $sudo apt-get "${wait[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_venv_support() {
  # Debian's own python3 needs python3-venv for `python3 -m venv`; pyenv/python.org builds carry ensurepip
  python3 -c 'import ensurepip' 2>/dev/null && return 0
  APT_PACKAGES+=(python3-venv)
}

install_python() {
  local stamp=.venv/.installed
  local want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "setup: creating .venv and installing Python packages"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
  echo "$want" > "$stamp"
}

compile_bytecode() {
  # this environment sets PYTHONDONTWRITEBYTECODE, so an editable install would compile the package from
  # source on every run (≈ 0.18 s of a build); compile it once here (an edited module is recompiled in
  # memory by Python's own mtime check, so a stale .pyc is never used)
  .venv/bin/python -m compileall -q -j 0 layout >/dev/null
  # and the methods dataclasses generates for the package's classes (≈ 0.14 s of every start-up):
  # layout/codecache.py, beside the bytecode, keyed by the methods' source
  .venv/bin/python -c 'import layout.codecache as c; c.fill()'
}

case "${1:-}" in
  sample)
    install_venv_support; install_apt; install_python; compile_bytecode
    .venv/bin/layout build issues/jining/issue.yaml --pages
    .venv/bin/layout build issues/jining-photos/issue.yaml --pages -q
    .venv/bin/layout build issues/jining-edition/issue.yaml --pages -q
    .venv/bin/layout build issues/jining-planned/issue.yaml --pages -q
    ;;
  test)
    install_venv_support; install_apt; install_python; compile_bytecode
    shift
    .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: ./setup.sh sample | ./setup.sh test [pytest args]" >&2
    exit 2
    ;;
esac
