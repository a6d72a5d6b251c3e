#!/usr/bin/env python3
"""Write data/nationalities.txt: nationality and regional adjectives and the nouns for their people.

"Russian President Vladimir Putin": "Russian" is a nationality, not part of the name, and "Britons" or
"Ukrainians" are never a person. Base list: the English nationality adjectives of npm i18n-nationality
(entries that are territory names rather than adjectives are dropped); hand additions below fill in
the forms news uses that the package lacks (Emirati, Scottish, Palestinian, Kurdish...), people nouns
(Briton, Frenchman, Poles), regional adjectives (European, Middle Eastern, Western) and groups named by
ethnicity or religion, which a NER rejects as person names for the same reason. Plurals of the "-an",
"-i" and similar forms are made by rule ("Americans", "Israelis").
"""
import json
import re

from common import NATIONALITY_PKG, header, source, write

# package entries that are territory names, not nationality adjectives
NOT_ADJECTIVES = {"Bermuda", "Djibouti", "Gibraltar", "Greenland", "Guadeloupe", "Guam", "Guernsey",
                  "Hong Kong", "Jersey", "Kosovo", "Macao", "Martinique", "Mayotte", "Montserrat", "Niue",
                  "Papua New Guinea", "Pitcairn", "Puerto Rico", "Reunion", "South Sudan", "Tokelau",
                  "Turkmenistan", "Vanuatu", "Western Sahara", "Antiguans", "Saint Helena", "Curaçao",
                  "Holy See", "New Caledonia", "Saint Barthélemy", "Saint Martin", "Sint Maarten",
                  "British Indian Ocean Territory"}
# replacements for package entries that news spells otherwise
RENAME = {"Bosnian - Herzegovinian": ["Bosnian", "Herzegovinian"],
          "Trinidadian or Tobagonian": ["Trinidadian", "Tobagonian"],
          "Kittian and Nevisian": ["Kittitian", "Nevisian"], "Emirian": ["Emirati"],
          "Yemenite": ["Yemeni", "Yemenite"], "Maldivan": ["Maldivian"], "Slovakian": ["Slovak", "Slovakian"],
          "Uzbekistani": ["Uzbek", "Uzbekistani"], "Kazakhstani": ["Kazakh", "Kazakhstani"],
          "Argentinean": ["Argentine", "Argentinian", "Argentinean"], "Comoran": ["Comoran", "Comorian"],
          "Monacan": ["Monegasque", "Monacan"], "Ecuadorean": ["Ecuadorian", "Ecuadorean"],
          "Surinamer": ["Surinamese"], "Tajik": ["Tajik", "Tajikistani"]}


def phrases(text):
    return [p.strip() for p in text.replace("\n", " ").split(",") if p.strip()]


# nationality adjectives the package lacks (countries, nations, sub-national and city adjectives)
NATIONALITIES = phrases("""
English, Scottish, Welsh, Northern Irish, Cornish, Manx, Puerto Rican, Bermudian, Gibraltarian,
Greenlandic, Guamanian, Papua New Guinean, South Sudanese, Sahrawi, Djiboutian, Kosovar, Kosovan,
Palestinian, Hong Kong, Macanese, Taiwanese, Tibetan, Turkmen, Soviet, Yugoslav, Persian, Czechoslovak,
Prussian, Catalan, Basque, Flemish, Walloon, Bavarian, Corsican, Sicilian, Sardinian, Quebecois,
Québécois, Crimean, Chechen, Dagestani, Kurdish, Ossetian, Abkhaz, Tatar, Uyghur, Uighur, Pashtun,
Baluch, Punjabi, Bengali, Tamil, Sinhalese, Texan, Californian, Floridian, Hawaiian, Alaskan""")
# ethnic and religious groups: as unlikely to be a person's name as a nationality
GROUPS = phrases("""
Rohingya, Yazidi, Druze, Bedouin, Berber, Amazigh, Hutu, Tutsi, Zulu, Xhosa, Maori, Māori, Aboriginal,
Inuit, Roma, Romani, Slav, Slavic, Anglo, Celtic, Gaelic, Nordic, Scandinavian, Baltic, Balkan,
Caucasian, Iberian, Latin, Latino, Latina, Hispanic, Arab, Arabian, Arabic, Hebrew, Jewish, Muslim,
Christian, Catholic, Protestant, Anglican, Evangelical, Orthodox, Sunni, Shia, Shi'ite, Shiite, Alawite,
Hindu, Sikh, Buddhist, Mormon, Coptic, Copt, Islamic, Islamist, Jihadist, Zionist""")
REGIONAL = phrases("""
European, African, Asian, American, North American, South American, Latin American, Central American,
Middle Eastern, Near Eastern, Far Eastern, East Asian, South Asian, Southeast Asian, Central Asian,
East African, West African, North African, Sub-Saharan, Eurasian, Transatlantic, Atlantic, Pacific,
Mediterranean, Caribbean, Oceanian, Antarctic, Arctic, Western, Eastern, Northern, Southern, Gulf,
Levantine, Afro-American, African-American, African American, Asian-American, Asian American,
Anglo-Saxon""")
# nouns for people that are not the adjective + s ("a Briton", "the Dutchman", "two Poles")
PEOPLE = phrases("""
Briton, Britons, Brit, Brits, Scot, Scots, Scotsman, Scotsmen, Scotswoman, Englishman, Englishmen,
Englishwoman, Englishwomen, Welshman, Welshmen, Welshwoman, Irishman, Irishmen, Irishwoman, Frenchman,
Frenchmen, Frenchwoman, Frenchwomen, Dutchman, Dutchmen, Dutchwoman, Pole, Poles, Swede, Swedes, Dane,
Danes, Finn, Finns, Turk, Turks, Spaniard, Spaniards, Thais, Filipina, Filipinas, Kiwi, Kiwis, Aussie,
Aussies, Yank, Yanks, Yankee, Yankees, Jews, Kurd, Kurds, Croat, Croats, Serb, Serbs, Slovene, Slovenes,
Hong Konger, Hong Kongers, Basotho, Mosotho, Geordie, Geordies, Scouser, Scousers, Cockney, Cockneys,
New Yorker, New Yorkers, Londoner, Londoners, Parisian, Parisians, Muscovite, Muscovites, Berliner,
Berliners, Icelander, Icelanders, Greenlander, Greenlanders, Kyrgyzstani, Kyrgyzstanis""")
# adjectives with no "+s" plural for people
NO_PLURAL = re.compile(r"(ese|sh|ch|s|z|x|ic|ian Ocean|Swiss|Thai|Inuit|Roma|Druze|Rohingya|Yazidi|"
                       r"Hebrew|Orthodox|Nordic|Balkan|Soviet|Islamic|Malagasy|Aboriginal|Sahrawi|Manx|Cornish|"
                       r"Romani|Amazigh|Abkhaz|Tutsi|Hutu|Zulu|Xhosa|Batswana|Mosotho|I-Kiribati|Burkinabe|"
                       r"Jewish|Gulf|Western|Eastern|Northern|Southern|Sub-Saharan|Transatlantic|"
                       r"Mediterranean|Caribbean|Levantine|Hong Kong|Latin|Anglo|Anglo-Saxon|Kurdish|Persian Gulf)$")
REGION_PEOPLE = {"European", "African", "Asian", "American", "North American", "South American", "Latin American",
                 "Central American", "East African", "West African", "North African", "Eurasian", "East Asian",
                 "South Asian", "Southeast Asian", "Central Asian", "Oceanian", "Afro-American",
                 "African-American", "African American", "Asian-American", "Asian American"}


def plural(phrase):
    if NO_PLURAL.search(phrase):
        return None
    return phrase + "s"


def main():
    with open(source("i18n-nationality", "langs", "en.json"), encoding="utf-8") as f:
        package = json.load(f)["nationalities"]
    adjectives = set()
    for value in package.values():
        for v in (value if isinstance(value, list) else [value]):
            v = re.sub(r"\s*\(.*\)$", "", v).strip()
            if v in NOT_ADJECTIVES or "Island" in v or "," in v or " and " in v:
                continue
            adjectives.update(RENAME.get(v, [v]))
    rows = {}
    for phrase in sorted(adjectives) + NATIONALITIES:
        rows.setdefault(phrase, "nationality")
    for phrase in GROUPS:
        rows.setdefault(phrase, "group")
    for phrase in REGIONAL:
        rows.setdefault(phrase, "region")
    for phrase, kind in list(rows.items()):
        if kind in ("nationality", "group") or phrase in REGION_PEOPLE:
            p = plural(phrase)
            if p:
                rows.setdefault(p, "people")
    for phrase in PEOPLE:
        rows.setdefault(phrase, "people")
    out = [f"{w}\t{k}" for w, k in sorted(rows.items(), key=lambda x: (x[0].lower(), x[0]))]
    head = header(
        "nationalities.txt — nationality, regional and group adjectives and people nouns; case as written.",
        ["A capitalised word from this list is not a person name (\"Russian President Vladimir Putin\",",
         "\"two Britons\"). Second column (tab): `nationality` (adjective of a country, nation or region",
         "within one: Russian, Scottish, Kurdish, Texan), `group` (ethnic and religious groups: Arab, Muslim,",
         "Sunni, Latino), `region` (European, Middle Eastern, Western, Gulf), `people` (nouns and plurals:",
         "Britons, Frenchman, Poles, Americans). Multi-word entries are separated by a space (\"Middle Eastern\", \"Northern Irish\").",
         f"Source: {NATIONALITY_PKG}: langs/en.json (nationality adjectives of ISO 3166 countries;",
         "territory names in it dropped, a few spellings replaced by the ones news uses: Argentine, Emirati,",
         "Yemeni); hand additions and plural rules in the build script.",
         "Licence: MIT (i18n-nationality, (c) 2016 widdix GmbH); additions under the project's licence.",
         "Built by: data/build/build_nationalities.py (after data/build/fetch_sources.sh)."],
        len(out))
    write("nationalities.txt", head, out)


if __name__ == "__main__":
    main()
