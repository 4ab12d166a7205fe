"""Finding members at the counter by card, number, phone, name or NIK."""

from __future__ import annotations

from kkmp_pos.core.cart import MemberRef
from kkmp_pos.core.errors import NotFoundError
from kkmp_pos.core.personal import is_full_number, mask
from kkmp_pos.core.text import MAX_SEARCH_TEXT, fold
from kkmp_pos.db.models import MemberModel
from kkmp_pos.services.context import ServiceContext
from kkmp_pos.services.privacy.keys import number_hash


def member_ref(member: MemberModel) -> MemberRef:
    return MemberRef(
        id=member.id,
        number=member.number,
        name=member.name,
        active=member.status == "active",
        masked_nik=mask(member.nik, member.nik_last4),
        status=member.status,
    )


def _phone_key(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


class MemberService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def find(self, query: str) -> MemberRef:
        """One member by card code, member number, phone or NIK; raises NotFoundError."""
        text = query.strip()
        if not text:
            raise NotFoundError("member_not_found", query=query)
        member = (
            MemberModel.get_or_none(MemberModel.card_code == text)
            or MemberModel.get_or_none(MemberModel.number == text.upper())
            or (
                MemberModel.get_or_none(MemberModel.nik_hmac == number_hash(self.ctx, text))
                if is_full_number(text)
                else None
            )
        )
        if member is None:
            phone = _phone_key(text)
            if len(phone) >= 8:
                member = MemberModel.get_or_none(MemberModel.phone == phone)
        if member is None:
            raise NotFoundError("member_not_found", query=query)
        return self.with_money(member)

    def with_money(self, member: MemberModel) -> MemberRef:
        """The member with their status, unpaid wajib months and sukarela balance (at the counter)."""
        import dataclasses

        from kkmp_pos.services.members.money_view import member_money

        money = member_money(self.ctx, member.id)
        ref = member_ref(MemberModel.get_by_id(member.id))  # the lookup may have changed the status
        return dataclasses.replace(
            ref,
            arrears_months=money["arrears_months"],
            arrears_rp=money["arrears_rp"],
            sukarela_rp=money["sukarela_rp"],
        )

    def search(self, text: str, limit: int = 20) -> list[MemberRef]:
        """Members whose name, number or phone contains the text (for the lookup list)."""
        key = fold(text.strip()[:MAX_SEARCH_TEXT])  # LIKE refuses patterns over 50,000 characters
        if len(key) < 2:
            return []
        rows = (
            MemberModel.select()
            .where(MemberModel.search_text.contains(key) | MemberModel.phone.startswith(key))
            .order_by(MemberModel.name)
            .limit(limit)
        )
        return [member_ref(m) for m in rows]

    def get(self, member_id: str) -> MemberRef:
        member = MemberModel.get_or_none(MemberModel.id == member_id)
        if member is None:
            raise NotFoundError("member_not_found", query=member_id)
        return member_ref(member)
