"""A long shop name, address and header lines wrap at word boundaries on 32- and 48-column paper,
read back from python-escpos Dummy bytes."""

from __future__ import annotations

import dataclasses

import pytest

from kkmp_pos.config import SETTINGS
from kkmp_pos.core.receipt import build_sale_receipt, sample_sale_receipt
from kkmp_pos.devices.escpos_text import decode_escpos_text
from kkmp_pos.devices.printer import PrinterSettings, render_escpos

NAME = "Toko Koperasi Desa Merah Putih Sukamaju Sejahtera Bersama"
ADDRESS = "Jalan Raya Pelabuhan Samudera Kilometer 12, Kelurahan Karang Joang, Balikpapan Utara"
HEADER = ("Melayani simpanan pokok, wajib dan sukarela setiap hari kerja", "Buka 07.00-21.00 WITA")


@pytest.mark.parametrize("paper,columns", [(58, 32), (80, 48)])
def test_header_lines_wrap_at_word_boundaries(paper: int, columns: int) -> None:
    settings = PrinterSettings(paper_width_mm=paper)  # type: ignore[call-arg]
    assert settings.width_chars == columns
    data = dataclasses.replace(
        sample_sale_receipt(), store_name=NAME, store_address=ADDRESS, header_lines=HEADER
    )
    decoded = decode_escpos_text(
        render_escpos(build_sale_receipt(data, columns), settings), settings.code_page
    )
    lines = [line.strip() for line in decoded.split("\n")]
    head = lines[: lines.index(next(line for line in lines if line.startswith("---")))]
    assert all(len(line) <= columns for line in decoded.split("\n"))
    words = " ".join(head).split()
    for text in (NAME, ADDRESS, *HEADER):
        for word in text.split():
            assert word in words, f"{word!r} was broken across lines at {columns} columns: {head}"
    assert len(head) > 4  # it did wrap


def test_the_default_footer_invites_returns_and_never_refuses_them() -> None:
    footer = " ".join(SETTINGS["receipt.footer"].default).lower()
    assert "tidak dapat ditukar" not in footer and "tidak dapat dikembalikan" not in footer
    assert "tukar" in footer or "retur" in footer
