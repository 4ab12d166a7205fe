"""The demo's training sheet: every barcode and member card on it scans back (a third-party decoder,
zxing-cpp, on pdftoppm's rendering of the PDF), with the PINs; a real shop has none."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.db.models import BarcodeModel, MemberModel, ProductModel, SettingModel
from kkmp_pos.services.setup.demo import DEMO_USERS
from kkmp_pos.services.setup.demo_sheet import write_demo_sheet


def _decoded(pdf, tmp_path) -> tuple[dict[str, set[str]], str]:
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found: dict[str, set[str]] = defaultdict(set)
    for page in sorted(tmp_path.glob("page*.png")):
        for result in zxingcpp.read_barcodes(Image.open(page)):
            found[str(result.format)].add(result.text)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    return found, text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_every_barcode_card_and_pin_on_the_sheet_scans_back(till, tmp_path):
    pdf = write_demo_sheet(till.ctx, tmp_path / "sheet.pdf")
    found, text = _decoded(pdf, tmp_path)
    eans = {
        b.code
        for b in BarcodeModel.select().join(ProductModel).where(ProductModel.active == True)  # noqa: E712
        if len(b.code) == 13
    }
    cards = {m.card_code for m in MemberModel.select()}
    assert len(eans) > 40 and found["EAN-13"] == eans
    assert found["Code 128"] == cards and found["QR Code"] == cards
    for name, _role, pin in DEMO_USERS:
        assert name in text and f"PIN {pin}" in text


def test_a_real_shop_has_no_training_sheet(till, tmp_path):
    SettingModel.delete().where(SettingModel.key == "demo").execute()
    with pytest.raises(ValidationError) as refused:
        write_demo_sheet(till.ctx, tmp_path / "sheet.pdf")
    assert refused.value.code == "demo_sheet_not_demo"
    assert not (tmp_path / "sheet.pdf").exists()
