"""The shop's static QRIS entered by a manager: checked, read from real image files, saved audited;
the demo shop's own code; the RRN a manual confirmation needs."""

from __future__ import annotations

import json

import pytest
import qrcode
from PIL import Image

from kkmp_pos.core.errors import PermissionDenied, ValidationError
from kkmp_pos.core.qris import build_dynamic_qris, parse_qris
from kkmp_pos.db.models import AuditLogModel, PaymentConfirmationModel
from kkmp_pos.services.selling.sales import PaymentInput, PaymentMethod
from kkmp_pos.services.setup.demo import DEMO_QRIS
from tests.gui.dialog_support import STATIC_QRIS, sell

DYNAMIC = build_dynamic_qris(STATIC_QRIS, 15_000)


def qr_png(path, *texts: str, rotate: int = 0, fmt: str = "PNG"):
    """A real picture holding a QR code per text, side by side on grey (as a photo of stickers)."""
    codes = [qrcode.make(t, border=4).get_image().convert("RGB") for t in texts]
    width = sum(c.width for c in codes) + 40 * (len(codes) + 1)
    height = max(c.height for c in codes) + 80
    canvas = Image.new("RGB", (width, height), (180, 180, 170))
    x = 40
    for code in codes:
        canvas.paste(code, (x, 40))
        x += code.width + 40
    canvas.rotate(rotate, expand=True, fillcolor=(180, 180, 170)).save(path, fmt)
    return path


def error_code(call) -> str:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.code


def test_check_shows_the_merchant_details(till):
    merchant = till.qris_setup.check("  " + STATIC_QRIS + "\n")
    assert merchant.payload == STATIC_QRIS
    assert (merchant.merchant_name, merchant.merchant_city, merchant.nmid) == (
        "Baznas",
        "Jakarta Pusat",
        "ID2019002291555",
    )
    assert merchant.acquirers == ("ID.CO.SHOPEE.WWW", "ID.CO.QRIS.WWW")
    assert merchant.acquirer_text == "ID.CO.SHOPEE.WWW"


def test_check_refuses_a_damaged_a_dynamic_and_an_overlong_code(till):
    damaged = STATIC_QRIS[:-4] + "0000"
    assert error_code(lambda: till.qris_setup.check(damaged)) == "qris_bad_crc"
    assert error_code(lambda: till.qris_setup.check(DYNAMIC)) == "qris_not_static"
    assert error_code(lambda: till.qris_setup.check("0" * 600)) == "qris_payload_too_long"
    assert error_code(lambda: till.qris_setup.check("")) == "qris_empty"


def test_only_a_manager_saves_and_the_change_is_audited(till, cashier, manager):
    with pytest.raises(PermissionDenied):
        till.qris_setup.save(cashier, STATIC_QRIS)
    assert till.ctx.settings.qris_static_payload == DEMO_QRIS
    saved = till.qris_setup.save(manager, STATIC_QRIS + "\n")
    assert saved.nmid == "ID2019002291555"
    assert till.ctx.settings.qris_static_payload == STATIC_QRIS
    row = AuditLogModel.select().where(AuditLogModel.action == "settings.qris").get()
    detail = json.loads(row.detail)
    assert row.user_id == manager.user_id
    assert detail["nmid"] == "ID2019002291555" and detail["previous_nmid"] == "ID1025000000017"
    with pytest.raises(ValidationError):
        till.qris_setup.save(manager, DYNAMIC)
    assert till.ctx.settings.qris_static_payload == STATIC_QRIS


def test_a_photo_of_the_sticker_is_read(till, tmp_path):
    png = qr_png(tmp_path / "stiker.png", STATIC_QRIS)
    assert till.qris_setup.read_image(png).merchant_name == "Baznas"
    # a phone photo: JPEG, turned sideways, the code small in the frame
    jpg = qr_png(tmp_path / "foto.jpg", DEMO_QRIS, rotate=90, fmt="JPEG")
    assert till.qris_setup.read_image(str(jpg)).nmid == "ID1025000000017"


def test_pictures_without_a_usable_code_say_why(till, tmp_path):
    blank = tmp_path / "kosong.png"
    Image.new("RGB", (400, 300), "white").save(blank)
    assert error_code(lambda: till.qris_setup.read_image(blank)) == "qris_image_no_code"
    other = qr_png(tmp_path / "wifi.png", "WIFI:S:koperasi;T:WPA;P:rahasia;;")
    with pytest.raises(ValidationError) as info:
        till.qris_setup.read_image(other)
    assert info.value.code == "qris_image_not_qris" and "wifi.png" in info.value.message()
    two = qr_png(tmp_path / "dua.png", STATIC_QRIS, DEMO_QRIS)
    assert error_code(lambda: till.qris_setup.read_image(two)) == "qris_image_many"
    dynamic = qr_png(tmp_path / "dinamis.png", DYNAMIC)
    assert error_code(lambda: till.qris_setup.read_image(dynamic)) == "qris_not_static"
    text = tmp_path / "catatan.png"
    text.write_text("bukan gambar", encoding="utf-8")
    assert error_code(lambda: till.qris_setup.read_image(text)) == "qris_image_unreadable"
    assert (
        error_code(lambda: till.qris_setup.read_image(tmp_path / "tidak-ada.png")) == "qris_image_unreadable"
    )


def test_the_demo_shop_ships_a_valid_static_qris_and_its_dynamic_codes_parse(till):
    assert till.qris_setup.current().merchant_name == "GERAI KKMP GN SAMARINDA"
    static = parse_qris(DEMO_QRIS)
    assert static.is_static and static.nmid == "ID1025000000017" and static.terminal_label == "A01"
    pan = static.sub("26", "01")
    digits = [int(d) for d in reversed(pan)]
    luhn = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    assert luhn % 10 == 0  # the merchant PAN is Luhn-valid, as validators check
    dynamic = parse_qris(
        build_dynamic_qris(DEMO_QRIS, 31_400, bill_number="KMPBPN-T1-0001", terminal_label="T1")
    )
    assert dynamic.is_dynamic and dynamic.amount_rp == 31_400
    assert dynamic.terminal_label == "A01" and dynamic.bill_number == "KMPBPN-T1-0001"


def test_a_manual_confirmation_needs_an_rrn_and_audits_the_cashier(till, cashier):
    result = sell(till, cashier, [("MK1", 1000)], [PaymentInput(PaymentMethod.QRIS, 15_700)])
    with pytest.raises(ValidationError) as info:
        till.qris.confirm(result.sale_id, "12345", cashier)
    assert info.value.code == "qris_reference_invalid" and "12" in info.value.message()
    till.qris.confirm(result.sale_id, " 4123 4567 890a ", cashier)
    assert PaymentConfirmationModel.get().reference == "41234567890A"
    row = AuditLogModel.select().where(AuditLogModel.action == "qris.confirmed").get()
    assert row.user_id == cashier.user_id
    assert json.loads(row.detail) == {
        "reference": "41234567890A",
        "amount_rp": 15_700,
        "cashier": cashier.name,
        "source": "manual",  # typed by the cashier, not confirmed by the acquirer
    }
