"""Sale receipts and simple slips as documents: layout at 32 and 48 columns, content, wording."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from kkmp_pos.core.money import format_rp
from kkmp_pos.core.receipt import (
    Barcode,
    Columns,
    Cut,
    ReceiptDocument,
    ReceiptLine,
    ReceiptPayment,
    SaleReceiptData,
    Text,
    build_sale_receipt,
    build_text_document,
    layout,
    render_text,
    sample_sale_receipt,
    width_for_paper,
    wrap,
)

WIDTHS = [32, 48]


def _lines(doc: ReceiptDocument, width: int) -> list[str]:
    return render_text(doc, width).split("\n")


def _long_sale() -> SaleReceiptData:
    """Long names, big amounts and a long store address: everything that could overflow."""
    lines = (
        ReceiptLine(
            "Minyak Goreng Kemasan Sederhana Minyakita Pouch 2 Liter Isi Ulang",
            9_999_000,
            "pcs",
            1_234_567,
            12_344_435_433,
            1_300_000,
            "member",
            discount_rp=123_456,
        ),
        ReceiptLine("LPG 3 kg (isi ulang)", 1000, "tbg", 19000, 19000),
    )
    return dataclasses.replace(
        sample_sale_receipt(),
        store_name="KOPERASI DESA MERAH PUTIH SUKAMAJU SEJAHTERA BERSAMA",
        store_address="Jl. Poros Balikpapan-Samarinda Km 12 RT 04, Kel. Karang Joang, Balikpapan Utara",
        npwp="01.234.567.8-901.000",
        lines=lines,
        subtotal_rp=12_344_454_433,
        discount_rp=123_456,
        total_rp=12_344_330_977,
        rounding_rp=23,
        payments=(
            ReceiptPayment("qris", 12_000_000_000, "RRN 123456789012345678901234567890"),
            ReceiptPayment("cash", 344_331_000),
        ),
        tendered_rp=344_400_000,
        change_rp=69_000,
        ppn_rp=1_223_000,
        footer_lines=("Terima kasih atas kunjungan Anda, sampai jumpa kembali di koperasi kita",),
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("copy", [False, True])
def test_no_printed_line_is_wider_than_the_paper(width: int, copy: bool) -> None:
    for data in (sample_sale_receipt(is_copy=copy), _long_sale()):
        doc = build_sale_receipt(dataclasses.replace(data, is_copy=copy), width)
        for item in layout(doc, width):
            if hasattr(item, "plain"):
                columns = item.indent + len(item.text) * (2 if item.double_width else 1)
                assert columns <= width, item
        assert max(len(line) for line in _lines(doc, width)) <= width


def test_widths_follow_the_paper() -> None:
    assert width_for_paper(58) == 32
    assert width_for_paper(80) == 48
    with pytest.raises(ValueError):
        width_for_paper(76)


@pytest.mark.parametrize("width", WIDTHS)
def test_receipt_shows_store_number_lines_totals_payment_and_change(width: int) -> None:
    data = sample_sale_receipt()
    text = render_text(build_sale_receipt(data, width), width)
    for expected in (
        data.store_name,
        "BH: AHU-0012345.AH.01.29.2025",
        data.receipt_no,
        "23-08-2026 14:05",
        "Siti / T1",
        "KMP-000123",
        "Budi Santoso",
        "6471********0001",
        "Beras Premium SPHP 5 kg",
        "2 sak x 62.500",
        "125.000",
        "1,25 kg x 17.500",
        "21.875",
        "Harga anggota (normal 65.000)",
        format_rp(data.total_rp),
        "250.000",
        "Kembali",
        "56.025",
        "260823000042",
        "Terima kasih",
    ):
        assert expected in text, expected
    assert "SALINAN" not in text
    total_row = next(line for line in text.split("\n") if line.startswith("TOTAL"))
    assert total_row.endswith("Rp193.975") and len(total_row) == width


@pytest.mark.parametrize("width", WIDTHS)
def test_copy_says_salinan_and_never_opens_the_drawer(width: int) -> None:
    original = build_sale_receipt(sample_sale_receipt(), width)
    copy = build_sale_receipt(sample_sale_receipt(is_copy=True), width)
    assert original.kick_drawer is True
    assert copy.kick_drawer is False
    lines = [line.strip() for line in _lines(copy, width)]
    assert lines.count("SALINAN") == 2  # under the header and at the end, if the slip is torn


def test_non_member_is_invited_to_join_with_the_saving_and_member_sees_savings() -> None:
    guest = render_text(build_sale_receipt(sample_sale_receipt(member=False), 48), 48)
    assert "Jadi anggota koperasi, hemat Rp5.625" in guest
    assert "Hemat anggota" not in guest and "Anggota" not in guest
    member = render_text(build_sale_receipt(sample_sale_receipt(member=True), 48), 48)
    assert "Hemat anggota: Rp5.625" in member
    assert "Jadi anggota" not in member


def test_no_invitation_when_a_non_member_would_save_nothing() -> None:
    data = dataclasses.replace(sample_sale_receipt(member=False), non_member_potential_savings_rp=0)
    assert "Jadi anggota" not in render_text(build_sale_receipt(data, 32), 32)


def test_receipt_code_is_a_code128_barcode_with_its_digits_below() -> None:
    doc = build_sale_receipt(sample_sale_receipt(), 32)
    index = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Barcode))
    assert doc.blocks[index] == Barcode("260823000042", "CODE128")
    assert doc.blocks[index + 1] == Text("260823000042", "center")
    assert isinstance(doc.blocks[-1], Cut)


def test_receipt_code_must_be_twelve_digits() -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(sample_sale_receipt(), receipt_code="26082300004")
    with pytest.raises(ValueError):
        dataclasses.replace(sample_sale_receipt(), receipt_code="26082300004A")


def test_status_note_rounding_ppn_discount_and_references_are_printed() -> None:
    data = _long_sale()
    data = dataclasses.replace(data, status_note="MENUNGGU PEMBAYARAN QRIS")
    text = render_text(build_sale_receipt(data, 48), 48)
    for expected in (
        "MENUNGGU PEMBAYARAN QRIS",
        "Pembulatan",
        "Rp12.344.331.000",  # total plus rounding: what is actually paid
        "Termasuk PPN",
        "-123.456",
        "QRIS",
        "Ref: RRN 123456789012345678901234567890",
        "NPWP: 01.234.567.8-901.000",
        "Kembali",
        "69.000",
    ):
        assert expected in text, expected


def test_columns_keep_the_amount_on_the_last_row_of_a_long_name() -> None:
    doc = ReceiptDocument((Columns("x" * 40, "12.345"),))
    lines = _lines(doc, 32)
    assert lines == ["x" * 32, "x" * 8 + " " * 18 + "12.345"]


def test_wrap_keeps_the_indent_and_breaks_overlong_words() -> None:
    assert wrap("  aaa bbb ccc", 9) == ["  aaa bbb", "  ccc"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("", 10) == [""]
    assert wrap("tab\there\x07", 20) == ["tab here"]


def test_double_width_text_is_wrapped_at_half_the_width_and_centred() -> None:
    doc = ReceiptDocument((Text("SALINAN STRUK PANJANG", "center", double_width=True),))
    lines = layout(doc, 32)
    assert all(len(line.text) * 2 + line.indent <= 32 for line in lines)
    assert [line.text for line in lines] == ["SALINAN STRUK", "PANJANG"]
    assert lines[0].indent == (32 - 26) // 2


def test_graphics_show_as_placeholders_only_in_the_preview() -> None:
    doc = build_sale_receipt(sample_sale_receipt(), 32)
    assert "[CODE128 260823000042]" in render_text(doc, 32)
    assert "[CODE128" not in render_text(doc, 32, graphics=False)


def test_text_document_for_reports_has_title_rows_and_footer() -> None:
    doc = build_text_document(
        "LAPORAN X",
        ["Shift 3 - Siti", "---", ("Penjualan tunai", "1.250.000"), ("Kas seharusnya", "1.450.000")],
        32,
        header=("KOPERASI MERAH PUTIH",),
        footer=("Dicetak 23-08-2026 21:00",),
    )
    lines = _lines(doc, 32)
    assert lines[0].strip() == "KOPERASI MERAH PUTIH"
    assert lines[1].strip() == "LAPORAN X"
    assert "Penjualan tunai" + " " * 8 + "1.250.000" in lines
    assert lines.count("-" * 32) == 3
    assert "Dicetak 23-08-2026 21:00" in render_text(doc, 32)
    assert isinstance(doc.blocks[-1], Cut)
    assert max(len(line) for line in lines) <= 32


def test_too_narrow_width_is_refused() -> None:
    with pytest.raises(ValueError):
        build_sale_receipt(sample_sale_receipt(), 20)


def test_receipt_time_is_the_local_time_given() -> None:
    data = dataclasses.replace(sample_sale_receipt(), created_at_local=datetime(2026, 1, 2, 7, 9))
    assert "02-01-2026 07:09" in render_text(build_sale_receipt(data, 32), 32)


def test_shop_header_lines_follow_the_store_header() -> None:
    data = dataclasses.replace(sample_sale_receipt(), header_lines=("Buka 07.00-21.00", "WA 0812"))
    lines = [line.strip() for line in _lines(build_sale_receipt(data, 32), 32)]
    assert lines.index("Buka 07.00-21.00") < lines.index("WA 0812") < lines.index("-" * 32)
