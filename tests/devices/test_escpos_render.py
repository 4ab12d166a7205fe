"""Real python-escpos bytes for receipts, read back: text, forced code page, barcode, drawer, cut."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.receipt import (
    Barcode,
    Cut,
    QrCode,
    ReceiptDocument,
    ReceiptLine,
    Text,
    build_sale_receipt,
    build_text_document,
    render_text,
    sample_sale_receipt,
)
from kkmp_pos.devices.escpos_profiles import PROFILES, profile_names
from kkmp_pos.devices.escpos_render import code128_payload
from kkmp_pos.devices.escpos_text import EscposParseError, decode_escpos_text, extract_barcodes
from kkmp_pos.devices.printer import PrinterSettings, render_escpos

ESC_T = b"\x1bt"
KICK = b"\x1bp\x00"
FULL_OR_PART_CUT = (b"\x1dV\x00", b"\x1dV\x01")


def _settings(**kw: object) -> PrinterSettings:
    return PrinterSettings(**kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", [58, 80])
@pytest.mark.parametrize("variant", ["member", "guest", "copy"])
def test_bytes_decode_to_exactly_the_receipt_text(paper: int, variant: str) -> None:
    settings = _settings(paper_width_mm=paper)
    data = sample_sale_receipt(member=variant != "guest", is_copy=variant == "copy")
    doc = build_sale_receipt(data, settings.width_chars)
    raw = render_escpos(doc, settings)
    decoded = decode_escpos_text(raw, settings.code_page)
    assert decoded == render_text(doc, settings.width_chars, graphics=False)
    assert data.receipt_no in decoded
    assert f"Rp{data.total_rp:,}".replace(",", ".") in decoded
    assert max(len(line) for line in decoded.split("\n")) <= settings.width_chars


def test_code128_payload_is_the_receipt_code_in_code_set_c() -> None:
    doc = build_sale_receipt(sample_sale_receipt(), 32)
    raw = render_escpos(doc, _settings())
    assert extract_barcodes(raw) == ["260823000042"]
    # GS k 73 (CODE128, function B), 8 bytes: '{C' and six digit pairs as values 0-99
    assert b"\x1dkI\x08{C" + bytes([26, 8, 23, 0, 0, 42]) in raw
    assert b"\x1dH\x00" in raw  # no human-readable digits under the bars: our own text line is there


@pytest.mark.parametrize("data", ["260823000042", "12345", "7", "KMP-0001{x}", "00"])
def test_code128_payload_round_trips(data: str) -> None:
    payload = code128_payload(data)
    if data.isdigit() and len(data) >= 2:
        assert payload.startswith("{C")
    doc = ReceiptDocument((Text("x"), Barcode(data)))
    assert extract_barcodes(render_escpos(doc, _settings())) == [data]


def test_code128_refuses_non_ascii() -> None:
    with pytest.raises(ValueError):
        code128_payload("Rp15.000 é")


def test_one_code_page_is_forced_and_never_switched() -> None:
    line = ReceiptLine("Kopi Arabika Gayo Café × 2 € ¥", 1000, "pcs", 25000, 25000)
    data = dataclasses.replace(sample_sale_receipt(), lines=(line,))
    doc = build_sale_receipt(data, 48)
    raw = render_escpos(doc, _settings(paper_width_mm=80))
    assert raw.startswith(b"\x1b@" + ESC_T + b"\x00")  # initialise, then CP437 (slot 0)
    assert raw.count(ESC_T) == 1  # no automatic switching, whatever the text holds
    decoded = decode_escpos_text(raw, "CP437")
    assert "Kopi Arabika Gayo Café x 2 ? ¥" in decoded  # é and ¥ are in CP437, € is not
    assert "Café".encode("cp437") in raw


def test_another_forced_code_page_prints_the_euro_sign() -> None:
    doc = ReceiptDocument((Text("Harga € 5"),))
    raw = render_escpos(doc, _settings(code_page="cp858"))
    assert raw.count(ESC_T) == 1 and ESC_T + bytes([19]) in raw
    assert decode_escpos_text(raw, "CP858") == "Harga € 5"
    # the decoder follows ESC t, whatever page it was told to start with
    assert decode_escpos_text(raw, "CP437") == "Harga € 5"


def test_unsupported_code_page_or_paper_or_profile_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _settings(code_page="CP932")
    assert caught.value.code == "printer_setting_invalid"
    with pytest.raises(ValidationError):
        _settings(paper_width_mm=76)
    with pytest.raises(ValidationError) as caught:
        render_escpos(ReceiptDocument((Text("x"),)), _settings(profile="no-such-printer"))
    assert caught.value.code == "printer_profile_unknown"


def test_drawer_kicks_only_when_document_and_settings_both_ask() -> None:
    sale = build_sale_receipt(sample_sale_receipt(), 32)
    copy = build_sale_receipt(sample_sale_receipt(is_copy=True), 32)
    assert KICK in render_escpos(sale, _settings())
    assert KICK not in render_escpos(sale, _settings(kick_drawer=False))
    assert KICK not in render_escpos(copy, _settings())


def test_cut_follows_the_profile_and_the_setting() -> None:
    doc = build_sale_receipt(sample_sale_receipt(), 48)
    with_cutter = render_escpos(doc, _settings(paper_width_mm=80))
    assert with_cutter.endswith(b"\x1bd\x06" + b"\x1dV\x01")  # feed past the blade, partial cut
    no_cut = render_escpos(doc, _settings(paper_width_mm=80, cut=False))
    assert not any(cut in no_cut for cut in FULL_OR_PART_CUT)
    assert no_cut.endswith(b"\x1bd\x04")
    no_cutter = render_escpos(doc, _settings(paper_width_mm=58))  # generic-58 has no blade
    assert not any(cut in no_cutter for cut in FULL_OR_PART_CUT)


def test_qr_is_a_raster_image_on_clones_and_native_where_the_profile_has_it() -> None:
    doc = ReceiptDocument((Text("Bayar dengan QRIS"), QrCode("00020101021226"), Text("ok"), Cut()))
    clone = render_escpos(doc, _settings())
    assert b"\x1dv0" in clone and b"\x1d(k" not in clone
    native = render_escpos(doc, _settings(profile="TM-T88V", paper_width_mm=80))
    assert b"\x1d(k" in native and b"00020101021226" in native
    for raw in (clone, native):
        assert decode_escpos_text(raw) == "Bayar dengan QRIS\nok"


def test_text_document_renders_and_decodes() -> None:
    doc = build_text_document("LAPORAN Z", [("Tunai", "1.250.000"), "---", "Selisih kas: 0"], 32)
    raw = render_escpos(doc, _settings())
    assert decode_escpos_text(raw) == render_text(doc, 32, graphics=False)


def test_rendering_prints_nothing_to_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    render_escpos(build_sale_receipt(sample_sale_receipt(), 32), _settings())
    out, _ = capfd.readouterr()
    assert out == ""  # dummy:// sends receipt bytes to stdout: no stray words may mix in


def test_decoder_refuses_unknown_commands_and_truncated_payloads() -> None:
    with pytest.raises(EscposParseError):
        decode_escpos_text(b"abc\x1b\xff")
    with pytest.raises(EscposParseError):
        decode_escpos_text(b"\x1dv0\x00\x10\x00\x10\x00\xff")  # image cut short
    with pytest.raises(EscposParseError):
        extract_barcodes(b"\x1dkI\x09{C\x01")


def test_our_profiles_are_known_to_python_escpos() -> None:
    names = profile_names()
    assert names[: len(PROFILES)] == list(PROFILES)
    assert "TM-T88V" in names
    from escpos.printer import Dummy

    assert Dummy(profile="generic-80").profile.get_columns("a") == 48
    assert Dummy(profile="generic-58").profile.get_columns("a") == 32


def test_importing_devices_does_not_load_escpos() -> None:
    code = (
        "import sys, kkmp_pos.devices.printer, kkmp_pos.devices.escpos_text, kkmp_pos.core.receipt;"
        "print('escpos' in sys.modules, 'PySide6' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
