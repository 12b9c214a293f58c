"""The Word handouts open in LibreOffice Writer: converted headless to PDF, read back with
pdftotext, every action's owner, unit and level words are there whole, with the header on
every page.

Runs where ``soffice`` (Debian: ``apt-get install libreoffice-writer-nogui``) and
``pdftotext`` are installed, and is skipped elsewhere: CI does not install LibreOffice (a
large download). The same check by hand is in docs/exports.md ("Checking the Word files").
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from handout_sample import NOW, OWNERS, Handout, build

from workshop_tui.core.export import ExportOptions, export

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT), reason="needs LibreOffice (soffice) and pdftotext"
)
RUNNING = "National Workshop on Combating Counterfeiting and Piracy · exported Mar 6, 2026"


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory) -> Handout:
    return build(tmp_path_factory.mktemp("handout") / "data")


def to_pdf_text(payload: bytes, folder: Path, name: str) -> list[str]:
    """The pages of the document as LibreOffice prints them."""
    assert SOFFICE and PDFTOTEXT
    document = folder / f"{name}.docx"
    document.write_bytes(payload)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(folder / f"{name}.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def words(pages: list[str]) -> Counter[str]:
    return Counter(re.findall(r"[\w'’-]+", "\n".join(pages)))


def test_action_plan_in_libreoffice(handout: Handout, tmp_path: Path) -> None:
    payload = export(handout.session, "actions", "docx", ExportOptions(now=NOW))
    pages = to_pdf_text(payload, tmp_path, "plan")
    assert len(pages) <= 5
    assert all(RUNNING in page for page in pages)  # the running header on every page
    assert all(page.count("Responsible") >= 1 for page in pages[1:])  # header row repeats
    counted = words(pages)
    for owner, unit in OWNERS:
        for word in f"{owner} {unit}".split():
            if len(word) > 3:
                assert counted[word] >= 5, (word, counted[word])  # each owner has 5 actions
    assert counted["Rahmawati"] == 5 and counted["Sub-directorate"] == 5
    assert counted["institutional"] == 20 and counted["individual"] == 10


def test_report_in_libreoffice(handout: Handout, tmp_path: Path) -> None:
    payload = export(handout.session, "report", "docx", ExportOptions(now=NOW))
    pages = to_pdf_text(payload, tmp_path, "report")
    text = "\n".join(pages)
    for heading in ("Participants and groups", "Legal framework", "Summary", "All actions"):
        assert heading in text
    counted = words(pages)
    assert counted["Rahmawati"] == 10  # the topic sections and the table of all actions
    assert counted["institutional"] == 20
