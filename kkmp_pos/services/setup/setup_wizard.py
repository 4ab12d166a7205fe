"""The first-run setup wizard's state: whether it is due, which steps a new shop may skip, and its end.

A real shop's first start marks the wizard due (`setup.wizard_pending`); it opens before the login
until it is finished, each skipped step being finished later in Settings. The demo shop never sees it.
"""

from __future__ import annotations

from kkmp_pos.db.models import UserModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext

# The steps in order. The admin step may not be skipped while the shop has no user: nobody could
# log in to finish the rest.
STEPS = ("shop", "admin", "printer", "qris", "server")


class SetupWizardService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def pending(self) -> bool:
        return bool(self.ctx.settings.setup_wizard_pending)

    def mark_pending(self) -> None:
        """Called once, when a real shop's database is made."""
        self.ctx.set_setting("setup.wizard_pending", True)

    @staticmethod
    def has_users() -> bool:
        return bool(UserModel.select().where(UserModel.active == True).exists())  # noqa: E712

    def may_skip(self, step: str) -> bool:
        return step != "admin" or self.has_users()

    def finish(self, actor: Actor | None, skipped: list[str]) -> None:
        """The wizard is done: it does not open again; what was skipped is said in the audit log."""
        with self.ctx.db.atomic():
            self.ctx.set_setting("setup.wizard_pending", False)
            audit(self.ctx, "setup.finished", actor, skipped=[s for s in skipped if s in STEPS])
