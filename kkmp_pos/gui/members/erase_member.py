"""Erasing the chosen member's personal data from the member screen: a manager approves with the PIN,
which is the confirmation too (services/privacy/erasure.py says what stays)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kkmp_pos.core.cart import MemberRef
from kkmp_pos.core.errors import KkmpError
from kkmp_pos.gui.i18n import error_text

if TYPE_CHECKING:
    from kkmp_pos.services.till import Till


def ask_erase(till: Till, member: MemberRef, parent: QWidget, done: Callable[[str, bool], None]) -> QWidget:
    """Open the manager's approval; `done(message, ok)` tells the outcome. Returns the dialog."""
    from kkmp_pos.gui.approval_dialog import ApprovalDialog

    text = QCoreApplication.translate(
        "EraseMember",
        "Hapus data pribadi {name} ({number})? Nama, NIK, KK, HP dan alamat dihapus untuk selamanya; "
        "transaksi, simpanan dan SHU tetap tercatat tanpa nama.",
    ).format(name=member.name, number=member.number)
    approval = ApprovalDialog(till, "erase_member", text, parent)

    def approved(actor: object) -> None:
        try:
            name = till.erase_member(actor, member.id)  # type: ignore[arg-type]
        except KkmpError as exc:
            done(error_text(exc), False)
            return
        said = QCoreApplication.translate(
            "EraseMember", "Data pribadi {number} dihapus; kini tercatat sebagai {name}."
        )
        done(said.format(number=member.number, name=name), True)

    approval.approved.connect(approved)
    approval.open()
    return approval
