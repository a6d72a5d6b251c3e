#!/usr/bin/env python3
"""Write data/speech_verbs.txt: reporting verbs ("said", "told", "argued") in every inflection.

The verbs are chosen by hand (the ones news uses to attribute quotes and statements); this script only
spells out their forms, so that the list is complete and consistent. Output: `form<TAB>lemma`, lower case.
"""
import os

# lemma -> irregular forms (base, third person, past, past participle, -ing); None = regular
IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "speak": ["speak", "speaks", "spoke", "spoken", "speaking"],
    "read": ["read", "reads", "reading"],          # "the statement read"
    "go on": ["go on", "goes on", "went on", "gone on", "going on"],
    "tell reporters": ["tell reporters", "tells reporters", "told reporters", "telling reporters"],
}
REGULAR = """
add admit acknowledge advise affirm agree allege announce answer argue ask assert assure beg boast brag
caution chime claim clarify comment complain concede conclude confess confirm contend continue counter cry
declare demand deny disclose echo elaborate emphasise emphasize exclaim explain insist
inform interject joke laugh lament maintain mention mumble murmur muse mutter note observe opine
plead pledge point posit predict proclaim promise protest query quip recall reckon recount
reflect reiterate rebut remark repeat reply report respond retort reveal scoff scream shout sigh snap state
stress suggest swear testify theorise theorize threaten tweet urge vow warn whisper wonder yell
""".split()
PHRASAL = {"point": "point out", "chime": "chime in"}   # particles these verbs need to report speech
DOUBLE = {"admit", "quip", "rebut", "snap", "beg", "brag"}
EXTRA = [("according to", "according to"), ("in the words of", "according to"),
         ("swore", "swear"), ("sworn", "swear")]


def forms(lemma):
    if lemma == "swear":
        return ["swear", "swears", "swearing"]  # past forms in EXTRA
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in DOUBLE:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    else:
        third = lemma + "s"
    return [lemma, third, past, ing]


def main():
    rows = []
    for lemma, fs in IRREGULAR.items():
        rows += [(f, lemma) for f in fs]
    for lemma in REGULAR:
        particle = PHRASAL.get(lemma)
        for f in forms(lemma):
            rows.append((f + particle[len(lemma):] if particle else f, particle or lemma))
    rows += EXTRA
    seen, out = set(), []
    for form, lemma in rows:
        if form not in seen:
            seen.add(form)
            out.append(f"{form}\t{lemma}")
    header = f"""# speech_verbs.txt — reporting verbs that attribute quotes and statements, in every inflection.
# Format: one form per line, lower case, then a tab and its lemma ("said<TAB>say"). Multi-word entries
# are phrases that report speech as a unit ("pointed out", "told reporters"); "according to" (and "in the
# words of") are attribution phrases rather than verbs: their lemma column says "according to".
# Source: hand-chosen verbs used for attribution in news (checked against CNN/DailyMail validation text);
# forms spelled out by rule.
# Licence: written for nutshell, same licence as the project.
# Built by: data/build/build_speech_verbs.py (edit the verb list there, then rerun).
# Entries: {len(out)}
"""
    path = os.path.join(os.path.dirname(__file__), "..", "speech_verbs.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
