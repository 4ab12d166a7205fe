"""QRIS (EMVCo merchant-presented) payloads: CRC, TLV parsing, static-code checks, dynamic codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kkmp_pos.core.errors import ValidationError

MAX_AMOUNT_RP = 9_999_999_999_999  # tag 54 holds at most 13 characters

# Templates whose value is itself a TLV list: merchant account information (26-51; QRIS uses 26-45
# for acquirers and 51 for the national repository), additional data (62) and the merchant
# information language template (64). Unreserved templates 80-99 are kept raw: their inside is
# proprietary and nothing here needs it.
_TEMPLATE_TAGS = frozenset({f"{n:02d}" for n in range(26, 52)} | {"62", "64"})

# (tag, length limit) from EMVCo MPM / QRIS; longer values are refused because wallets refuse them.
_MAX_LEN = {"00": 2, "01": 2, "52": 4, "53": 3, "54": 13, "58": 2, "59": 25, "60": 15, "61": 10}
_MAX_SUB_TEXT = 25  # 62/01 bill number and 62/07 terminal label are ans..25

_AMOUNT_RE = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$")
_HEX4_RE = re.compile(r"^[0-9A-Fa-f]{4}$")
# Printable ASCII without the few characters some wallets choke on in 62 sub-fields.
_TEXT_RE = re.compile(r"^[0-9A-Za-z .,_/:#()\-]+$")


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _crc_hex(text_before_crc_value: str) -> str:
    return f"{crc16_ccitt_false(text_before_crc_value.encode('utf-8')):04X}"


@dataclass(frozen=True)
class Tlv:
    """One tag-length-value element; `children` is set for templates (26-51, 62, 64)."""

    tag: str
    value: str
    children: tuple[Tlv, ...] | None = None

    def sub(self, tag: str) -> str | None:
        """The value of sub-tag `tag` inside this template, or None."""
        for child in self.children or ():
            if child.tag == tag:
                return child.value
        return None

    def encode(self) -> str:
        return f"{self.tag}{len(self.value):02d}{self.value}"


@dataclass(frozen=True)
class QrisPayload:
    """A parsed, checked QRIS payload; `tlvs` are in the order they appeared."""

    raw: str
    tlvs: tuple[Tlv, ...]

    def get(self, tag: str) -> str | None:
        """The top-level value of `tag`, or None."""
        element = self.element(tag)
        return element.value if element else None

    def element(self, tag: str) -> Tlv | None:
        for tlv in self.tlvs:
            if tlv.tag == tag:
                return tlv
        return None

    def sub(self, tag: str, sub_tag: str) -> str | None:
        """The value of `sub_tag` inside template `tag`, or None."""
        element = self.element(tag)
        return element.sub(sub_tag) if element else None

    @property
    def point_of_initiation(self) -> str | None:
        """'11' static, '12' dynamic, None when absent."""
        return self.get("01")

    @property
    def is_static(self) -> bool:
        return self.point_of_initiation == "11" and self.get("54") is None

    @property
    def is_dynamic(self) -> bool:
        return self.point_of_initiation == "12"

    @property
    def merchant_name(self) -> str:
        return self.get("59") or ""

    @property
    def merchant_city(self) -> str:
        return self.get("60") or ""

    @property
    def postal_code(self) -> str | None:
        return self.get("61")

    @property
    def mcc(self) -> str:
        return self.get("52") or ""

    @property
    def currency(self) -> str:
        return self.get("53") or ""

    @property
    def country(self) -> str:
        return self.get("58") or ""

    @property
    def nmid(self) -> str | None:
        """National Merchant ID from the national repository template (51/02)."""
        return self.sub("51", "02")

    @property
    def acquirers(self) -> tuple[str, ...]:
        """Globally unique ids (sub-tag 00) of the merchant account templates 26-51, in order."""
        return tuple(t.sub("00") or "" for t in self.tlvs if t.children is not None and "26" <= t.tag <= "51")

    @property
    def amount_rp(self) -> int | None:
        """The transaction amount of a dynamic code (tag 54), whole rupiah, or None."""
        text = self.get("54")
        if text is None:
            return None
        match = _AMOUNT_RE.match(text)
        assert match  # checked in parse_qris
        return int(match.group(1))

    @property
    def bill_number(self) -> str | None:
        return self.sub("62", "01")

    @property
    def terminal_label(self) -> str | None:
        return self.sub("62", "07")

    @property
    def crc(self) -> str:
        return self.get("63") or ""


def _split_tlvs(text: str, *, template: str | None) -> list[Tlv]:
    """Cut `text` into TLVs; `template` names the enclosing tag (None at top level)."""
    out: list[Tlv] = []
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4:
            if template is None:
                raise ValidationError("qris_truncated", position=pos)
            raise ValidationError("qris_bad_length", tag=template)
        if not head.isdigit() or not head.isascii():
            if template is None:
                raise ValidationError("qris_bad_format", position=pos)
            raise ValidationError("qris_bad_length", tag=template)
        tag, length = head[:2], int(head[2:])
        start, end = pos + 4, pos + 4 + length
        if length == 0:
            raise ValidationError("qris_bad_length", tag=tag if template is None else template)
        if end > len(text):
            if template is None:
                raise ValidationError("qris_truncated", position=pos)
            raise ValidationError("qris_bad_length", tag=template)
        value = text[start:end]
        children = None
        if template is None and tag in _TEMPLATE_TAGS:
            children = tuple(_split_tlvs(value, template=tag))
        out.append(Tlv(tag, value, children))
        pos = end
    return out


def _check_fields(tlvs: list[Tlv]) -> None:
    seen: set[str] = set()
    for tlv in tlvs:
        if tlv.tag in seen:
            raise ValidationError("qris_duplicate_tag", tag=tlv.tag)
        seen.add(tlv.tag)
        limit = _MAX_LEN.get(tlv.tag)
        if limit is not None and len(tlv.value) > limit:
            raise ValidationError("qris_bad_length", tag=tlv.tag)
    for tag in ("00", "52", "53", "58", "59", "60", "63"):
        if tag not in seen:
            raise ValidationError("qris_missing_tag", tag=tag)
    if not any("26" <= tag <= "51" for tag in seen):
        raise ValidationError("qris_missing_tag", tag="26-51")
    if tlvs[0].tag != "00":
        raise ValidationError("qris_tag_order", tag="00")
    if tlvs[-1].tag != "63":
        raise ValidationError("qris_tag_order", tag="63")

    values = {t.tag: t.value for t in tlvs}
    expected = {"00": "01", "53": "360", "58": "ID"}
    for tag, want in expected.items():
        if values[tag] != want:
            raise ValidationError("qris_bad_value", tag=tag, value=values[tag])
    if values.get("01", "11") not in ("11", "12"):
        raise ValidationError("qris_bad_value", tag="01", value=values["01"])
    if not (len(values["52"]) == 4 and values["52"].isdigit() and values["52"].isascii()):
        raise ValidationError("qris_bad_value", tag="52", value=values["52"])
    if "54" in values:
        match = _AMOUNT_RE.match(values["54"])
        # IDR has no minor unit in use: a fraction other than zero is not a rupiah amount.
        if not match or int(match.group(2) or "0") != 0 or int(match.group(1)) == 0:
            raise ValidationError("qris_bad_value", tag="54", value=values["54"])
    if len(values["63"]) != 4:
        raise ValidationError("qris_bad_length", tag="63")


def parse_qris(payload: str) -> QrisPayload:
    """Parse and check a QRIS payload (static or dynamic); raise ValidationError on anything wrong.

    Surrounding whitespace (a pasted newline) is ignored. The CRC is compared case-insensitively:
    some generators write lowercase hex and the checksum is the same number; we always write
    uppercase.
    """
    text = payload.strip()
    if not text:
        raise ValidationError("qris_empty")
    tlvs = _split_tlvs(text, template=None)
    _check_fields(tlvs)
    found = tlvs[-1].value
    expected = _crc_hex(text[:-4])
    if not _HEX4_RE.match(found) or found.upper() != expected:
        raise ValidationError("qris_bad_crc", expected=expected, found=found)
    return QrisPayload(raw=text, tlvs=tuple(tlvs))


def validate_static_qris(payload: str) -> QrisPayload:
    """What settings call when a manager enters the shop's static code: a valid, static QRIS."""
    parsed = parse_qris(payload)
    if parsed.point_of_initiation is None:
        raise ValidationError("qris_missing_tag", tag="01")
    if not parsed.is_static:
        raise ValidationError("qris_not_static")
    return parsed


def _check_text(field: str, text: str) -> None:
    if not (0 < len(text) <= _MAX_SUB_TEXT and _TEXT_RE.match(text)):
        raise ValidationError("qris_text_invalid", field=field, text=text, limit=_MAX_SUB_TEXT)


def _sorted(tlvs: list[Tlv]) -> list[Tlv]:
    return sorted(tlvs, key=lambda t: int(t.tag))


def _encode(tlv: Tlv) -> str:
    if tlv.children is None:
        return tlv.encode()
    inner = "".join(_encode(c) for c in tlv.children)
    if len(inner) > 99:
        raise ValidationError("qris_bad_length", tag=tlv.tag)
    return f"{tlv.tag}{len(inner):02d}{inner}"


def build_dynamic_qris(
    static_payload: str,
    amount_rp: int,
    *,
    bill_number: str | None = None,
    terminal_label: str | None = None,
) -> str:
    """The dynamic code for one payment: the shop's static code with 01=12, 54=amount, new CRC.

    Works on the parsed TLVs (never on the string) and keeps every other tag and sub-tag of the
    static code as the acquirer wrote it, tag 62's included: EMVCo has a dynamic code set only 01, 54
    and 63. A bill number (62/01) or terminal label (62/07) goes in only where 62 has no such sub-tag,
    after the acquirer's own, and is left out when 62 has no room for it (99 characters).
    """
    if isinstance(amount_rp, bool) or not isinstance(amount_rp, int):
        raise ValidationError("qris_amount_out_of_range", amount=amount_rp, limit=MAX_AMOUNT_RP)
    if not 1 <= amount_rp <= MAX_AMOUNT_RP:
        raise ValidationError("qris_amount_out_of_range", amount=amount_rp, limit=MAX_AMOUNT_RP)
    parsed = validate_static_qris(static_payload)

    top = {t.tag: t for t in parsed.tlvs if t.tag != "63"}
    top["01"] = Tlv("01", "12")
    top["54"] = Tlv("54", str(amount_rp))
    extra: dict[str, str] = {}
    if bill_number is not None:
        _check_text("bill_number", bill_number)
        extra["01"] = bill_number
    if terminal_label is not None:
        _check_text("terminal_label", terminal_label)
        extra["07"] = terminal_label
    old = top.get("62")
    children = list(old.children or ()) if old else []
    present = {c.tag for c in children}
    for sub_tag, value in extra.items():
        added = Tlv(sub_tag, value)
        room = 99 - sum(len(_encode(c)) for c in children)
        if sub_tag not in present and len(added.encode()) <= room:  # never over the acquirer's own
            children.append(added)
    if children and (old is None or len(children) != len(old.children or ())):
        top["62"] = Tlv("62", "", tuple(children))

    body = "".join(_encode(t) for t in _sorted(list(top.values()))) + "6304"
    return body + _crc_hex(body)


# The acquirer's reference for a QRIS payment is its retrieval reference number (RRN, ISO 8583 field
# 37): 12 characters, digits in practice; some acquirers' apps show letters too, so 12 letters/digits.
RRN_LENGTH = 12
_RRN_RE = re.compile(rf"^[0-9A-Z]{{{RRN_LENGTH}}}$")


def check_reference(text: str) -> str:
    """The RRN a cashier typed for a manual confirmation, normalised (no spaces, upper case).

    Raises ValidationError saying what is expected: 12 letters/digits, as the merchant app shows it.
    """
    reference = "".join(text.split()).upper()
    if not reference:
        raise ValidationError("qris_reference_missing")
    if not _RRN_RE.match(reference):
        raise ValidationError(
            "qris_reference_invalid", reference=reference[:40], length=len(reference), expected=RRN_LENGTH
        )
    return reference
