"""The cashier's screens and dialogs in `screenshot --all`: login, the cart, payment and its helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kkmp_pos.gui.screenshot.catalog import Stage, shot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SELLING = "kkmp_pos.gui.selling"


@shot("login_screen", "kkmp_pos.gui.setup.login_screen:LoginScreen")
def _login(stage: Stage) -> QWidget:
    stage.window.show_login()
    return stage.window


@shot("cashier_screen", f"{SELLING}.cashier_screen:CashierScreen")
def _cashier(stage: Stage) -> QWidget:
    return stage.window


def _cart_line(stage: Stage):  # type: ignore[no-untyped-def]
    return stage.window.cashier.controller.cart.lines[0]


@shot("payment_dialog", f"{SELLING}.payment_dialog:PaymentDialog")
def _payment(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.payment_dialog import PaymentDialog

    screen = stage.window.cashier
    total = screen.controller.cart.totals().total_rp
    quick = stage.till.ctx.settings.cash_quick_notes
    return PaymentDialog(total, quick, screen.controller.preview_settlement, screen)


@shot("discount_dialog", f"{SELLING}.discount_dialog:DiscountDialog")
def _discount(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.discount_dialog import DiscountDialog

    screen = stage.window.cashier
    line = _cart_line(stage)
    return DiscountDialog(stage.till, stage.shop.cashier, screen.controller.cart, line.line_id, screen)


@shot("qty_dialog", f"{SELLING}.qty_dialog:QtyDialog")
def _qty(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.qty_dialog import QtyDialog

    return QtyDialog(_cart_line(stage), lambda _qty: None, stage.window.cashier)


@shot("weight_dialog", f"{SELLING}.weight_dialog:WeightDialog")
def _weight(stage: Stage) -> QWidget:
    from kkmp_pos.core.pricing import price_for
    from kkmp_pos.gui.selling.weight_dialog import WeightDialog

    code = stage.shop.weighed_barcode
    item = stage.till.catalog.lookup_barcode(code) if code else _cart_line(stage).item
    price = price_for(item, False).unit_price_rp
    return WeightDialog(item, price, lambda _qty: None, stage.window.cashier)


@shot("buyer_nik_dialog", f"{SELLING}.buyer_nik_dialog:BuyerNikDialog")
def _nik(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.buyer_nik_dialog import BuyerNikDialog

    dialog = BuyerNikDialog(["LPG 3 kg"], stage.window.cashier)
    dialog.nik_field.setText("1234")
    dialog.submit()  # the error line shown, as a cashier who pressed Enter too soon sees it
    return dialog


@shot("member_dialog", "kkmp_pos.gui.members.member_dialog:MemberDialog")
def _member(stage: Stage) -> QWidget:
    from kkmp_pos.gui.members.member_dialog import MemberDialog

    members = stage.till.members
    return MemberDialog(members.find, members.search, stage.window.cashier, till=stage.till)


@shot("register_member_dialog", "kkmp_pos.gui.members.register_member_dialog:RegisterMemberDialog")
def _register_member(stage: Stage) -> QWidget:
    from kkmp_pos.gui.members.register_member_dialog import RegisterMemberDialog

    return RegisterMemberDialog(stage.till, stage.shop.cashier, stage.window.cashier)


@shot("approval_dialog", "kkmp_pos.gui.approval_dialog:ApprovalDialog")
def _approval(stage: Stage) -> QWidget:
    from kkmp_pos.gui.approval_dialog import ApprovalDialog
    from kkmp_pos.gui.keymap import action_words

    what = action_words()["clear_cart"]  # emptying a cart past the shop's limit needs a manager
    return ApprovalDialog(stage.till, "void_over_limit", what, stage.window.cashier)


@shot("held_carts_dialog", f"{SELLING}.held_carts_dialog:HeldCartsDialog")
def _held(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.held_carts_dialog import HeldCartsDialog

    return HeldCartsDialog(stage.till, stage.shop.cashier, stage.window.cashier)


@shot("receipts_dialog", f"{SELLING}.receipts_dialog:ReceiptsDialog")
def _receipts(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.receipts_dialog import ReceiptsDialog

    return ReceiptsDialog(stage.till, stage.shop.cashier, stage.window.cashier)


@shot("receipt_dialog", f"{SELLING}.receipt_dialog:ReceiptDialog")
def _receipt(stage: Stage) -> QWidget:
    from kkmp_pos.core.receipt import render_text
    from kkmp_pos.gui.selling.receipt_dialog import ReceiptDialog

    till = stage.till
    doc = till.receipts.document(till.receipts.last().id)
    return ReceiptDialog(render_text(doc, 32), lambda: None, stage.window.cashier)


@shot("return_dialog", f"{SELLING}.return_dialog:ReturnDialog")
def _return(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.return_dialog import ReturnDialog

    sale = stage.till.receipts.last()
    return ReturnDialog(stage.till, stage.shop.manager, stage.window.cashier, sale_id=sale.id)


@shot("qris_dialog", f"{SELLING}.qris_dialog:QrisDialog")
def _qris(stage: Stage) -> QWidget:
    from kkmp_pos.gui.selling.qris_dialog import QrisDialog

    till = stage.till
    sales = till.receipts.today()
    paid_by_qris = [s for s in sales if any(p.method == "qris" for p in till.receipts.data(s.id).payments)]
    sale = (paid_by_qris or sales or [till.receipts.last()])[0]
    return QrisDialog(till, stage.shop.cashier, sale.id, stage.window.cashier)


@shot("key_help_dialog", "kkmp_pos.gui.key_help_dialog:KeyHelpDialog")
def _key_help(stage: Stage) -> QWidget:
    from kkmp_pos.gui.key_help_dialog import KeyHelpDialog
    from kkmp_pos.gui.keymap import help_rows

    return KeyHelpDialog(help_rows("cashier_screen"), stage.window.cashier)


# Second pages of dialogs that change in place: they must fit as well.
@shot("qris_dialog_reference", f"{SELLING}.qris_dialog:QrisDialog")
def _qris_reference(stage: Stage) -> QWidget:
    dialog = _qris(stage)
    dialog.ask_reference()  # type: ignore[attr-defined]
    return dialog


@shot("receipts_dialog_cancel", f"{SELLING}.receipts_dialog:ReceiptsDialog")
def _receipts_cancel(stage: Stage) -> QWidget:
    dialog = _receipts(stage)
    dialog.ask_cancel()  # type: ignore[attr-defined]  (the first receipt of the list is selected)
    return dialog


@shot("register_member_dialog_qris", "kkmp_pos.gui.members.register_member_dialog:RegisterMemberDialog")
def _register_member_qris(stage: Stage) -> QWidget:
    dialog = _register_member(stage)
    dialog.set_method("qris")  # type: ignore[attr-defined]
    return dialog
