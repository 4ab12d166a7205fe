"""`member.erased`: a manager erased a member's personal data on request (UU 27/2022, docs/PRIVACY.md).

The event names the member only by id: the server blanks the member's personal fields wherever it
keeps them and sends the anonymous version down the feed to every till of the cooperative.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kkmp_pos.core import event_fields as f
from kkmp_pos.core.event_fields import Person


@dataclass(frozen=True, slots=True)
class MemberErased:
    TYPE: ClassVar[str] = "member.erased"
    VERSIONS: ClassVar[tuple[int, ...]] = (1,)
    schema_version: ClassVar[int] = 1

    member_id: str
    erased_by: Person | None = None

    def to_payload(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "erased_by": self.erased_by.to_payload() if self.erased_by else None,
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any], version: int = 1) -> MemberErased:
        return cls(
            member_id=f.required_text(payload, "member_id"),
            erased_by=Person.read(payload, "erased_by"),
        )
