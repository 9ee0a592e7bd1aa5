"""Tests of build.py's helpers and of the committed gazetteers; needs no third-party package.

    python3 -m unittest discover -s tools/gazetteers
"""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # noqa: E402
from build import BuildError, Row  # noqa: E402


def row(**kw):
    base = dict(id="org:x", type="ORG", subtype="igo", canonical="X Org")
    base.update(kw)
    return Row(**base)


class TextHelpers(unittest.TestCase):
    def test_fold(self):
        cases = {
            "São Tomé": "Sao Tome", "Côte d’Ivoire": "Cote d'Ivoire", "Nuku‘alofa": "Nuku'alofa",
            "Łódź": "Lodz", "Straße": "Strasse", "Ḩimş": "Hims", "Ørsted": "Orsted", "Plain": "Plain",
        }
        for given, want in cases.items():
            self.assertEqual(build.fold(given), want)

    def test_slug(self):
        self.assertEqual(build.slug("Jean-Pierre"), "jean-pierre")
        self.assertEqual(build.slug("José"), "jose")
        self.assertEqual(build.slug("D'Andre"), "dandre")
        self.assertEqual(build.slug("Johnson & Johnson"), "johnson-and-johnson")

    def test_attrs(self):
        self.assertEqual(build.parse_attrs("a=1;b_c=x y", "t"), [("a", "1"), ("b_c", "x y")])
        self.assertEqual(build.parse_attrs("", "t"), [])
        for bad in ("a", "a=1=2", "A=1", "a=", "=1"):
            with self.assertRaises(BuildError, msg=bad):
                build.parse_attrs(bad, "t")

    def test_city_names(self):
        self.assertTrue(build.city_name_ok("Vienna"))
        self.assertTrue(build.city_name_ok("6th of October City"))
        self.assertFalse(build.city_name_ok("Paris 15 Vaugirard"))
        self.assertFalse(build.city_name_ok("Zürich (Kreis 11)"))


class Rows(unittest.TestCase):
    def test_valid(self):
        build.validate_row(row(aliases=["Ex"], acronyms=["XO"], flags=["ci"], attrs=[("hq", "Rome")],
                               xref=["wikidata:Q1"]), "t")

    def test_invalid(self):
        bad = [
            row(id="Org:X"), row(id="loc:x"), row(type="GPE"), row(canonical=" "), row(subtype=""),
            row(flags=["weird"]), row(flags=["cs", "ci"]), row(aliases=["a|b"]), row(aliases=[" pad"]),
            row(attrs=[("k", "a;b")]), row(attrs=[("k", "1"), ("k", "2")]), row(xref=["Q1"]),
        ]
        for r in bad:
            with self.assertRaises(BuildError):
                build.validate_row(r, "t")

    def test_finish_folds_and_dedupes(self):
        r = row(canonical="São Paulo", aliases=["Sao Paulo", "SP City"])
        r.finish()
        self.assertEqual(r.aliases, ["Sao Paulo", "SP City"])
        r = row(canonical="Executive Director", aliases=["executive director", "Exec. Dir."], flags=["ci"])
        r.finish()
        self.assertEqual(r.aliases, ["Exec. Dir."])

    def test_line_has_nine_columns(self):
        r = row(attrs=[("a", "1"), ("b", "2")])
        self.assertEqual(r.line().split("\t"), ["org:x", "ORG", "igo", "X Org", "", "", "", "a=1;b=2", ""])

    def test_auto_ci(self):
        long_ = row(canonical="United Nations Office on Drugs and Crime", aliases=["UN Office on Drugs and Crime"])
        short = row(canonical="United Nations Office on Drugs and Crime", aliases=["Drugs Office"])
        flagged = row(canonical="World Wide Fund for Nature", flags=["ambig"])
        for r in (long_, short, flagged):
            build.auto_ci(r)
        self.assertEqual((long_.flags, short.flags, flagged.flags), (["ci"], [], ["ambig"]))

    def test_read_rows(self):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "t.tsv"
            p.write_text(f"# c\n{build.HEADER}\norg:x\tORG\tigo\tX Org\t\tXO\t\t\t\n", encoding="utf-8")
            self.assertEqual(build.read_rows(p)[0].acronyms, ["XO"])
            p.write_text(f"{build.HEADER}\norg:x\tORG\tigo\n", encoding="utf-8")
            with self.assertRaisesRegex(BuildError, "t.tsv:2"):
                build.read_rows(p)
            p.write_bytes(f"{build.HEADER}\r\n".encode())
            with self.assertRaisesRegex(BuildError, "CRLF"):
                build.read_rows(p)


class Ambiguity(unittest.TestCase):
    words = {"will", "mark", "nice"}

    def test_given_names(self):
        ambig = lambda n, births=10**6: build.given_name_is_ambig(  # noqa: E731
            n, births, self.words, {"Jordan", "Paris"}, {"Vladimir": 357_024})
        self.assertTrue(ambig("Will"))
        self.assertTrue(ambig("May"))
        self.assertTrue(ambig("Jo"))
        self.assertTrue(ambig("Jordan"))
        self.assertTrue(ambig("Vladimir", births=5_000))
        self.assertFalse(ambig("Vladimir"))
        self.assertFalse(ambig("Yury"))

    def test_places(self):
        rows = [Row(f"loc:city:{i}", "LOC", sub, name, attrs=[("pop", str(pop))])
                for i, (name, sub, pop) in enumerate([("Nice", "city", 342_669), ("Ufa", "city", 1_120_547),
                                                     ("Austin", "city", 974_447), ("Houston", "city", 2_314_157),
                                                     ("Victoria", "capital", 26_450), ("Vienna", "city", 1_691_468)])]
        build.flag_place_names(rows, self.words, {"Austin", "Houston", "Victoria"},
                               exempt=lambda r: r.subtype == "capital" or int(r.get_attr("pop")) >= 1_000_000)
        self.assertEqual([r.canonical for r in rows if "ambig" in r.flags], ["Nice", "Ufa", "Austin"])


class Subdivisions(unittest.TestCase):
    def test_selection_and_flags(self):
        subs = {"gblin": "Lincolnshire", "gbkec": "Kensington and Chelsea", "pgwpd": "Western",
                "ghue": "Upper East", "etso": "Somali", "cz413": "Sokolov", "xx01": "Nowhere",
                "gbrdg": "Reading", "itrm": "Rome", "phpam": "Pampanga", "czpm": "Plzeň 1"}
        rows = build.build_subdivisions(subs, {"GB": {}, "PG": {}, "GH": {}, "ET": {}, "CZ": {}, "IT": {}, "PH": {}},
                                        {"Rome"}, {"Somali"}, {"reading"}, {"Sokolov"})
        got = {r.canonical: ("ambig" in r.flags) for r in rows}
        self.assertEqual(got, {"Lincolnshire": False, "Kensington and Chelsea": False, "Upper East": True,
                               "Sokolov": True, "Reading": True, "Pampanga": False})
        lin = next(r for r in rows if r.canonical == "Lincolnshire")
        self.assertEqual((lin.id, lin.get_attr("country"), lin.get_attr("iso")), ("loc:sub:gblin", "GB", "GB-LIN"))


class Sites(unittest.TestCase):
    def read(self, line):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "loc_site.tsv"
            p.write_text(f"{build.HEADER}\n{line}\n", encoding="utf-8")
            return build.read_sites(p, {"JO": {}, "SY": {}, "TR": {}})

    def test_valid(self):
        self.assertEqual(self.read("loc:site:zaatari\tLOC\tsite\tZaatari\t\t\t\tcountry=JO;kind=camp\t")[0].canonical,
                         "Zaatari")
        self.read("loc:site:bab-al-hawa\tLOC\tsite\tBab al-Hawa\t\t\t\tkind=crossing;border=SY-TR\t")

    def test_invalid(self):
        for line in ("loc:region:zaatari\tLOC\tsite\tZaatari\t\t\t\tcountry=JO;kind=camp\t",
                     "loc:site:zaatari\tLOC\tregion\tZaatari\t\t\t\tcountry=JO;kind=camp\t",
                     "loc:site:zaatari\tLOC\tsite\tZaatari\t\t\t\tcountry=XX;kind=camp\t",
                     "loc:site:zaatari\tLOC\tsite\tZaatari\t\t\t\tcountry=JO\t",
                     "loc:site:zaatari\tLOC\tsite\tZaatari\t\t\t\tkind=camp\t",
                     "loc:site:bab-al-hawa\tLOC\tsite\tBab al-Hawa\t\t\t\tkind=crossing;border=SY-XX\t"):
            with self.assertRaises(BuildError, msg=line):
                self.read(line)


class Hand(unittest.TestCase):
    def test_hand_files_parse(self):
        for name in ("org_un.tsv", "org_igo.tsv", "org_ngo.tsv", "org_other.tsv", "title.tsv",
                     "particle.tsv", "loc_region.tsv", "loc_admin1.tsv", "loc_site.tsv"):
            self.assertTrue(build.read_rows(build.HAND / name), name)
        self.assertTrue(all(r.subtype == "site" for r in build.read_rows(build.HAND / "loc_site.tsv")))
        self.assertGreater(len(build.read_words(build.HAND / "common_words.txt")), 1500)
        self.assertGreater(len(build.read_words(build.HAND / "surnames.txt")), 500)


class Committed(unittest.TestCase):
    """The files in gazetteers/ are valid, sorted and free of duplicate ids."""

    def test_output(self):
        seen = {}
        for name in build.OUTPUT_FILES:
            path = build.DEFAULT_OUT / name
            if not path.exists():
                self.skipTest(f"{name} not built")
            text = path.read_text(encoding="utf-8")
            self.assertIn(build.GENERATOR_LINE, text)
            rows = build.read_rows(path)
            ids = [r.id for r in rows]
            self.assertEqual(ids, sorted(ids, key=str.encode), name)
            for r in rows:
                self.assertNotIn(r.id, seen, f"{r.id} in {name} and {seen.get(r.id)}")
                seen[r.id] = name


if __name__ == "__main__":
    unittest.main()
