"""The customs / IPR synonym glossary used by theme suggestions.

A glossary is a tuple of synonym groups; each group is a tuple of words or phrases that mean
the same thing in a workshop on IPR border enforcement, in English and Bahasa Indonesia. The
first term of a group names it. While entries are analysed (:mod:`.text`), every occurrence of
a group's term becomes one shared *concept*, so "fake branded goods" and "counterfeit products"
meet on "counterfeit", and "pemegang hak" on "right holder".

An agenda extends the built-in glossary with its own ``glossary:`` key (docs/agenda-format.md):
a list of groups, each a list of two or more terms. :func:`check_glossary` is the validation
the agenda reader uses, on plain Python values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop_tui.core.i18n import _

Glossary = tuple[tuple[str, ...], ...]

#: limits of an agenda's glossary (outside input: bounded before it is used)
MAX_GROUPS = 500
MAX_TERMS = 50
MAX_TERM_LENGTH = 80

#: the built-in groups; kept small and about the domain (docs/themes.md lists them)
BUILTIN_GLOSSARY: Glossary = (
    (
        "counterfeit",
        "fake",
        "fakes",
        "knock-off",
        "knockoff",
        "imitation",
        "forged",
        "replica",
        "palsu",
        "pemalsuan",
        "dipalsukan",
        "tiruan",
        "imitasi",
    ),
    ("piracy", "pirated", "pirate", "bajakan", "pembajakan"),
    (
        "right holder",
        "rights holder",
        "rightholder",
        "rightsholder",
        "right-holder",
        "brand owner",
        "trademark owner",
        "brand holder",
        "mark owner",
        "pemegang hak",
        "pemilik hak",
        "pemilik merek",
        "pemilik merk",
        "pemegang merek",
    ),
    ("trademark", "trade mark", "brand", "branded", "merek", "merk", "bermerek"),
    (
        "ipr",
        "intellectual property",
        "intellectual property rights",
        "hki",
        "haki",
        "hak kekayaan intelektual",
        "kekayaan intelektual",
    ),
    ("customs", "customs administration", "bea cukai", "bea dan cukai", "pabean", "kepabeanan"),
    ("recordation", "recordal", "customs recordation", "rekordasi", "perekaman"),
    (
        "risk profile",
        "risk indicator",
        "indicator",
        "risk criteria",
        "targeting criteria",
        "targeting rule",
        "selectivity criteria",
        "profiling",
        "profil risiko",
        "indikator risiko",
        "indikator",
        "kriteria risiko",
        "profil",
    ),
    ("targeting", "target", "selection", "penargetan", "seleksi"),
    (
        "seizure",
        "seize",
        "detention",
        "detain",
        "suspension of release",
        "suspend release",
        "suspend the release",
        "interception",
        "intercept",
        "penyitaan",
        "sita",
        "penahanan",
        "penangguhan",
        "penangguhan pengeluaran",
        "penegahan",
        "tegah",
    ),
    ("inspection", "examination", "physical check", "pemeriksaan", "periksa", "inspeksi"),
    (
        "ex officio",
        "own initiative",
        "on their own initiative",
        "karena jabatan",
        "inisiatif sendiri",
        "ex-officio",
    ),
    (
        "training",
        "capacity building",
        "course",
        "courses",
        "pelatihan",
        "diklat",
        "latih",
        "peningkatan kapasitas",
        "kursus",
    ),
    (
        "information sharing",
        "sharing of information",
        "share information",
        "exchange of information",
        "information exchange",
        "exchange information",
        "pertukaran informasi",
        "berbagi informasi",
        "tukar informasi",
        "tukar-menukar informasi",
    ),
    (
        "database",
        "data base",
        "information system",
        "basis data",
        "pangkalan data",
        "sistem informasi",
    ),
    ("officer", "official", "staff", "personnel", "pegawai", "petugas", "pejabat", "aparat"),
    (
        "law",
        "legislation",
        "regulation",
        "legal provision",
        "legal basis",
        "undang-undang",
        "peraturan",
        "regulasi",
        "hukum",
        "ketentuan",
        "dasar hukum",
    ),
    ("penalty", "sanction", "fine", "sanksi", "denda", "hukuman"),
    (
        "small consignment",
        "e-commerce",
        "ecommerce",
        "online",
        "online shop",
        "marketplace",
        "small parcel",
        "parcel",
        "postal",
        "courier",
        "express shipment",
        "paket",
        "kiriman pos",
        "barang kiriman",
        "perdagangan elektronik",
        "toko online",
        "daring",
        "kurir",
    ),
    ("destruction", "destroy", "disposal", "dispose", "pemusnahan", "musnah", "dimusnahkan"),
    ("storage", "warehouse", "gudang", "penyimpanan", "tempat penimbunan"),
    ("cost", "costs", "fee", "expense", "biaya", "ongkos"),
    (
        "cooperation",
        "collaboration",
        "coordination",
        "partnership",
        "kerja sama",
        "kerjasama",
        "koordinasi",
        "kemitraan",
    ),
    ("police", "polisi", "kepolisian", "polri"),
    (
        "authentication",
        "genuine",
        "authenticity",
        "verify genuine",
        "product identification",
        "identify fakes",
        "keaslian",
        "asli",
        "identifikasi produk",
    ),
    (
        "manifest",
        "declaration",
        "cargo information",
        "cargo data",
        "informasi kargo",
        "data kargo",
        "informasi awal",
        "advance information",
        "pre-arrival information",
        "manifes",
        "pemberitahuan pabean",
        "dokumen pabean",
    ),
    ("importer", "consignee", "importir", "penerima barang"),
    ("guarantee", "bond", "security deposit", "jaminan"),
    ("deadline", "time limit", "time limits", "batas waktu", "jangka waktu", "tenggat"),
    ("awareness", "knowledge", "understanding", "pemahaman", "pengetahuan", "kesadaran"),
    (
        "guideline",
        "manual",
        "sop",
        "standard operating procedure",
        "pedoman",
        "petunjuk teknis",
        "juknis",
        "panduan",
    ),
)

#: the everyday words of a workshop's challenges, solutions and actions that groups put in
#: different words (delay, cost, contact person, regular meeting, ...), English and Indonesian
WORKSHOP_LEXICON: Glossary = (
    (
        "delay",
        "late",
        "slow",
        "slowly",
        "delayed",
        "take too long",
        "takes too long",
        "terlambat",
        "lambat",
        "lama",
        "tertunda",
    ),
    (
        "pay",
        "paid",
        "payment",
        "charge",
        "bayar",
        "dibayar",
        "membayar",
        "pembayaran",
        "dikenakan biaya",
    ),
    (
        "feedback",
        "fed back",
        "report back",
        "feed back",
        "umpan balik",
        "dilaporkan kembali",
        "laporan balik",
    ),
    (
        "update",
        "revise",
        "refresh",
        "keep up to date",
        "memperbarui",
        "pembaruan",
        "diperbarui",
        "mutakhir",
    ),
    (
        "electronic",
        "online",
        "web",
        "website",
        "portal",
        "e-mail",
        "email",
        "digital",
        "elektronik",
        "surel",
        "situs",
        "daring",
    ),
    (
        "contact person",
        "focal point",
        "liaison",
        "liaison officer",
        "contact",
        "narahubung",
        "penghubung",
        "kontak",
        "contact point",
    ),
    ("meeting", "meetings", "pertemuan", "rapat", "forum", "rapat koordinasi"),
    (
        "regular",
        "monthly",
        "weekly",
        "quarterly",
        "periodic",
        "every month",
        "rutin",
        "bulanan",
        "berkala",
        "setiap bulan",
        "mingguan",
    ),
    (
        "alert",
        "notify",
        "notification",
        "warning",
        "warn",
        "peringatan",
        "notifikasi",
        "pemberitahuan segera",
    ),
    ("bulletin", "newsletter", "digest", "circular", "buletin", "ringkasan", "edaran"),
    (
        "international",
        "other countries",
        "foreign administrations",
        "cross-border",
        "wco",
        "lintas negara",
        "negara lain",
        "luar negeri",
        "internasional",
    ),
    (
        "court",
        "judge",
        "prosecutor",
        "prosecutors",
        "court proceedings",
        "legal action",
        "litigation",
        "pengadilan",
        "hakim",
        "jaksa",
        "putusan",
        "gugatan",
        "proses hukum",
    ),
    ("representative", "local agent", "local contact", "agent", "perwakilan", "kuasa", "wakil"),
    (
        "agreement",
        "memorandum",
        "mou",
        "memorandum of understanding",
        "formal agreement",
        "perjanjian",
        "nota kesepahaman",
        "kesepakatan",
    ),
    (
        "renewal",
        "renew",
        "renewed",
        "expire",
        "expires",
        "expiry",
        "validity",
        "perpanjang",
        "diperpanjang",
        "perpanjangan",
        "masa berlaku",
        "kedaluwarsa",
    ),
    (
        "personal use",
        "personal luggage",
        "passenger",
        "passengers",
        "luggage",
        "baggage",
        "traveller",
        "bagasi",
        "penumpang",
        "barang bawaan",
        "keperluan pribadi",
    ),
    ("transit", "export", "exports", "transshipment", "ekspor", "transhipment"),
    (
        "evaluation",
        "evaluate",
        "measure",
        "assess learning",
        "knowledge test",
        "pre-test",
        "post-test",
        "evaluasi",
        "mengukur",
        "ujian",
    ),
    (
        "e-learning",
        "elearning",
        "distance learning",
        "online course",
        "self-paced",
        "own pace",
        "pembelajaran jarak jauh",
        "kursus daring",
    ),
    (
        "curriculum",
        "induction",
        "basic course",
        "new recruits",
        "academy",
        "syllabus",
        "kurikulum",
        "pegawai baru",
        "pendidikan dasar",
    ),
    (
        "trainer",
        "trainers",
        "instructor",
        "instructors",
        "teach",
        "teacher",
        "train-the-trainer",
        "widyaiswara",
        "pengajar",
        "instruktur",
    ),
    ("equipment", "scanner", "x-ray", "device", "tools", "peralatan", "alat", "pemindai"),
    (
        "it system",
        "system",
        "software",
        "application",
        "it",
        "aplikasi",
        "sistem",
        "teknologi informasi",
    ),
    (
        "volume",
        "huge volumes",
        "numerous",
        "large number",
        "too many",
        "volume",
        "jumlah besar",
        "terlalu banyak",
    ),
    (
        "infringer",
        "infringers",
        "offender",
        "offenders",
        "smuggler",
        "pelanggar",
        "pelaku",
        "penyelundup",
    ),
    ("infringement", "infringe", "infringing", "violation", "violate", "melanggar", "pelanggaran"),
    (
        "response",
        "reply",
        "respond",
        "answer",
        "confirm",
        "confirmation",
        "tanggapan",
        "jawaban",
        "menjawab",
        "konfirmasi",
        "merespons",
    ),
    ("intelligence", "tip-off", "tip", "intelijen", "informasi intelijen"),
    (
        "seminar",
        "session",
        "sessions",
        "presentation",
        "briefing",
        "sosialisasi",
        "seminar",
        "lokakarya",
    ),
    ("release", "released", "let go", "dilepas", "dikeluarkan", "pengeluaran barang"),
    ("procedure", "process", "steps", "workflow", "prosedur", "tata cara", "mekanisme", "proses"),
    ("statistics", "figures", "data on seizures", "statistik", "angka"),
    ("result", "results", "outcome", "outcomes", "findings", "finding", "hasil", "temuan"),
    (
        "integrate",
        "integration",
        "link",
        "linked",
        "combine",
        "connect",
        "connected",
        "interface",
        "integrasi",
        "terintegrasi",
        "terhubung",
        "menghubungkan",
        "mengintegrasikan",
    ),
    ("photo", "photos", "image", "images", "picture", "foto", "gambar"),
)


def check_glossary(value: Any) -> tuple[Glossary, list[str]]:
    """Validate an agenda's ``glossary:`` value (plain Python data).

    Returns the glossary (terms stripped) and one message per problem; the glossary is empty
    when there is any problem. Types are checked strictly: no number or list is read as a term.
    """
    problems: list[str] = []
    if not isinstance(value, list):
        return (), ["'glossary' must be a list of synonym groups, e.g. - [fake, counterfeit]"]
    if len(value) > MAX_GROUPS:
        return (), [f"'glossary' has {len(value)} groups; at most {MAX_GROUPS} are allowed"]
    groups: list[tuple[str, ...]] = []
    for number, item in enumerate(value, 1):
        where = f"glossary group {number}"
        if not isinstance(item, list):
            problems.append(
                _("{where} must be a list of two or more terms, e.g. [fake, counterfeit]").format(
                    where=where
                )
            )
            continue
        if not 2 <= len(item) <= MAX_TERMS:
            problems.append(
                _("{where} has {count} terms; give between 2 and {MAX_TERMS}").format(
                    where=where, count=len(item), MAX_TERMS=MAX_TERMS
                )
            )
            continue
        terms: list[str] = []
        for term in item:
            if not isinstance(term, str) or not term.strip():
                problems.append(
                    _("{where}: every term must be non-empty text, not {term!r}").format(
                        where=where, term=term
                    )
                )
                break
            if len(term) > MAX_TERM_LENGTH:
                problems.append(
                    _("{where}: a term is longer than {MAX_TERM_LENGTH} characters").format(
                        where=where, MAX_TERM_LENGTH=MAX_TERM_LENGTH
                    )
                )
                break
            terms.append(" ".join(term.split()))
        else:
            groups.append(tuple(terms))
    if problems:
        return (), problems
    return tuple(groups), []


def combined(extra: Iterable[tuple[str, ...]] = ()) -> Glossary:
    """The built-in glossary and lexicon followed by ``extra`` groups (an agenda's own)."""
    return BUILTIN_GLOSSARY + WORKSHOP_LEXICON + tuple(tuple(group) for group in extra)


#: what suggestions use when the agenda adds nothing: the customs / IPR glossary first (its
#: groups win a term listed twice), then the workshop lexicon
DEFAULT_GLOSSARY: Glossary = BUILTIN_GLOSSARY + WORKSHOP_LEXICON
