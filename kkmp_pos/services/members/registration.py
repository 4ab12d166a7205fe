"""Registering a member at the counter: offline, in under a minute, with the simpanan pokok paid."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kkmp_pos.core.cart import MemberRef
from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.events import MemberFields, MemberRegistered, Person, SavingsPayment
from kkmp_pos.core.ids import uuid7
from kkmp_pos.core.money import format_rp
from kkmp_pos.core.nik import mask_nik, validate_nik
from kkmp_pos.core.personal import last4, mask, validate_kk
from kkmp_pos.core.receipt_document import Barcode, Cut, Feed, ReceiptDocument, Separator, Text
from kkmp_pos.core.simpanan import gender_from_nik
from kkmp_pos.core.text import fold
from kkmp_pos.core.text_rules import MAX_CODE, MAX_NAME, MAX_TEXT, check_text
from kkmp_pos.db.models import MemberModel, MemberPaymentModel, MemberStatusChangeModel, PrintJobModel
from kkmp_pos.db.outbox import append_event
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.members.lookup import _phone_key, member_ref
from kkmp_pos.services.privacy.keys import number_hash
from kkmp_pos.services.setup.auth import require
from kkmp_pos.services.shifts.guard import booking_shift


@dataclass(frozen=True)
class Registration:
    member: MemberRef
    payment_id: str
    receipt_no: str
    change_rp: int
    receipt_job_id: int
    card_job_id: int


def member_card_document(member: MemberModel, cooperative_name: str) -> ReceiptDocument:
    """A member card for the receipt printer: name, number and the card's barcode."""
    return ReceiptDocument(
        (
            Text("KARTU ANGGOTA", "center", bold=True, double_height=True),
            Text(cooperative_name, "center"),
            Separator(),
            Text(member.name, "center", bold=True),
            Text(f"No. {member.number}", "center"),
            Text(f"Bergabung {member.joined_on}", "center"),
            Feed(1),
            Barcode(member.card_code),
            Text(member.card_code, "center"),
            Feed(1),
            Text("Tunjukkan kartu ini di kasir untuk harga anggota.", "center"),
            Feed(2),
            Cut(),
        )
    )


def savings_receipt_document(
    member: MemberModel, payment: MemberPaymentModel, cooperative_name: str, cashier: str, width: int
) -> ReceiptDocument:
    from kkmp_pos.core.receipt import build_text_document

    return build_text_document(
        "BUKTI SETORAN SIMPANAN",
        [
            ("No.", payment.receipt_no),
            ("Anggota", f"{member.number}"),
            ("Nama", member.name),
            ("NIK", mask(member.nik, member.nik_last4) or "-"),
            "---",
            (f"Simpanan {payment.kind}", format_rp(payment.amount_rp)),
            ("Dibayar", {"cash": "Tunai", "qris": "QRIS", "transfer": "Transfer"}[payment.method]),
            ("Ref", payment.reference or "-"),
            ("Kasir", cashier),
        ],
        width,
        header=(cooperative_name,),
    )


class RegistrationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def check_nik(self, nik: str) -> str:
        """A valid NIK that no member has yet (checked while the cashier types)."""
        nik = validate_nik(nik)
        same = (MemberModel.nik == nik) | (MemberModel.nik_hmac == number_hash(self.ctx, nik))
        if MemberModel.select().where(same).exists():
            raise ValidationError("nik_already_registered", nik=mask_nik(nik))
        return nik

    def register(
        self,
        *,
        name: str,
        nik: str,
        phone: str,
        address: str,
        method: str,
        cashier: Actor,
        tendered_rp: int = 0,
        reference: str = "",
        shift_id: str | None = None,
        kk: str = "",
        occupation: str = "",
        kode_wilayah: str | None = None,
        pokok_paid_rp: int | None = None,
    ) -> Registration:
        """Create a member with the pokok paid (active), or its first instalment (pending), its receipt
        and the card queued for printing. Gender comes from the NIK; the region defaults to the shop's."""
        require(cashier, "register_member")
        name = " ".join(check_text(name, "name", MAX_NAME).split())
        check_text(phone, "phone", MAX_CODE)
        check_text(address, "address", MAX_TEXT)
        check_text(reference, "reference", MAX_CODE)
        if len(name) < 3:
            raise ValidationError("member_name_invalid")
        nik = self.check_nik(nik)
        kk = validate_kk(kk) if kk.strip() else ""  # the family card: optional, same care as the NIK
        phone = _phone_key(phone)
        if phone and not (9 <= len(phone) <= 14 and phone.startswith("0")):
            raise ValidationError("phone_invalid", phone=phone)
        check_text(occupation, "occupation", MAX_CODE)
        region = (self.ctx.settings.shop_kode_wilayah if kode_wilayah is None else kode_wilayah).strip()
        check_text(region, "kode_wilayah", MAX_CODE)
        full_pokok = self.ctx.settings.member_pokok_rp
        pokok = full_pokok if pokok_paid_rp is None else pokok_paid_rp
        if not 0 < pokok <= full_pokok or (
            pokok < full_pokok and self.ctx.settings.member_pokok_instalments < 2
        ):
            raise ValidationError(
                "pokok_over_remaining", amount=format_rp(pokok), remaining=format_rp(full_pokok)
            )
        status = "active" if pokok == full_pokok else "pending"
        if method not in ("cash", "qris", "transfer"):
            raise ValidationError("refund_method_invalid", method=method)
        if method == "cash" and tendered_rp < pokok:
            raise ValidationError(
                "cash_short",
                short=format_rp(pokok - tendered_rp),
                due=format_rp(pokok),
                tendered=format_rp(tendered_rp),
            )
        if method != "cash" and len(reference.strip()) < 4:
            raise ValidationError("qris_reference_missing")
        with self.ctx.db.atomic():
            now, bdate = self.ctx.now_iso(), self.ctx.business_date()
            shift_id = booking_shift(self.ctx, [method], shift_id)
            terminal = self.ctx.terminal
            seq = MemberModel.select().count() + 1
            while MemberModel.select().where(MemberModel.number == f"A-{seq:06d}").exists():
                seq += 1
            member = MemberModel.create(
                id=uuid7(),
                number=f"A-{seq:06d}",
                card_code=f"77{terminal.number:02d}{seq:06d}",
                name=name,
                nik=nik,
                nik_hmac=number_hash(self.ctx, nik),
                nik_last4=last4(nik),
                kk=kk or None,
                kk_hmac=number_hash(self.ctx, kk) if kk else None,
                kk_last4=last4(kk),
                phone=phone,
                address=address.strip(),
                status=status,
                joined_on=bdate,
                created_at=now,
                search_text=fold(f"{name} A-{seq:06d}"),
                gender=gender_from_nik(nik),
                occupation=" ".join(occupation.split()),
                kode_wilayah=region,
            )
            MemberStatusChangeModel.create(
                member=member.id,
                status=status,
                reason="registered",
                changed_on=bdate,
                at=now,
                user=cashier.user_id,
            )
            payment = MemberPaymentModel.create(
                id=uuid7(),
                member=member,
                kind="pokok",
                amount_rp=pokok,
                method=method,
                reference=reference.strip(),
                status="confirmed",
                receipt_no=f"{self.ctx.store.code}-{terminal.code}-S-{seq:06d}",
                cashier=cashier.user_id,
                shift=shift_id,
                created_at=now,
                business_date=bdate,
                balance_after_rp=pokok,
            )
            registered = MemberRegistered(
                member=MemberFields(
                    id=member.id,
                    number=member.number,
                    card_code=member.card_code,
                    name=name,
                    nik=nik,
                    phone=phone,
                    address=member.address,
                    status=status,
                    joined_on=bdate,
                    kk=kk or None,
                    gender=member.gender,
                    occupation=member.occupation,
                    kode_wilayah=region,
                ),
                payment=SavingsPayment(
                    id=payment.id,
                    kind="pokok",
                    amount_rp=pokok,
                    method=method,
                    reference=payment.reference,
                    receipt_no=payment.receipt_no,
                    shift_id=shift_id,
                ),
                cashier=Person(cashier.user_id, cashier.name),
            )
            append_event(registered.TYPE, registered.to_payload(), occurred_at=now, business_date=bdate)
            store = self.ctx.store
            from kkmp_pos.core.receipt import width_for_paper

            width = width_for_paper(self.ctx.settings.printer_paper_mm)
            slip = savings_receipt_document(member, payment, store.cooperative_name, cashier.name, width)
            # simpanan paid in cash opens the drawer as its receipt prints, like a sale's
            slip = dataclasses.replace(slip, kick_drawer=method == "cash")
            receipt = PrintJobModel.create(
                kind="savings",
                doc_id=payment.id,
                document=slip.to_json(),
                printer_uri=self.ctx.settings.printer_uri,
                created_at=now,
            )
            card = PrintJobModel.create(
                kind="member_card",
                doc_id=member.id,
                document=member_card_document(member, store.cooperative_name).to_json(),
                printer_uri=self.ctx.settings.printer_uri,
                created_at=now,
            )
            audit(self.ctx, "member.registered", cashier, doc_id=member.id, number=member.number)
        return Registration(
            member=member_ref(member),
            payment_id=payment.id,
            receipt_no=payment.receipt_no,
            change_rp=tendered_rp - pokok if method == "cash" else 0,
            receipt_job_id=receipt.id,
            card_job_id=card.id,
        )
