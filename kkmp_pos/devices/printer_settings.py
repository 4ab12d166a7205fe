"""How the shop's receipt printer is reached and what it can do: the settings every printer part reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.core.receipt import width_for_paper
from kkmp_pos.devices.escpos_profiles import DEFAULT_CODE_PAGE, DEFAULT_PROFILE, SUPPORTED_CODE_PAGES
from kkmp_pos.devices.printer_uri import PrinterUri, parse_printer_uri, refuse_protected_path


@dataclass(frozen=True)
class PrinterSettings:
    """How the shop's receipt printer is reached and what it can do (stored with the terminal).

    `profile`: one of ours ('generic-58', 'generic-58-cutter', 'generic-80') or any python-escpos profile
    name. `code_page` is forced for every receipt (CP437 is slot 0 on every clone). `header_lines`
    and `footer_lines` are the shop's own text, which the receipt builders put on the document.
    """

    uri: str = "dummy://"
    paper_width_mm: Literal[58, 80] = 58
    profile: str = ""
    code_page: str = DEFAULT_CODE_PAGE
    cut: bool = True
    kick_drawer: bool = True
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ()
    # The till's data folder and database: a file or serial address may never name them.
    protected: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.paper_width_mm not in (58, 80):
            raise ValidationError(
                "printer_setting_invalid", setting="paper_width_mm", value=self.paper_width_mm
            )
        if not self.profile:
            object.__setattr__(self, "profile", DEFAULT_PROFILE[self.paper_width_mm])
        code_page = self.code_page.upper().replace("-", "").replace("_", "")
        if code_page not in SUPPORTED_CODE_PAGES:
            raise ValidationError("printer_setting_invalid", setting="code_page", value=self.code_page)
        object.__setattr__(self, "code_page", code_page)

    @property
    def width_chars(self) -> int:
        """Characters per line in font A (32 on 58 mm, 48 on 80 mm)."""
        return width_for_paper(self.paper_width_mm)

    def parsed_uri(self) -> PrinterUri:
        """The parsed `uri`; ValidationError('printer_uri_invalid') if it is malformed, and
        ValidationError('printer_uri_protected') if it names the data folder or the database."""
        uri = parse_printer_uri(self.uri)
        refuse_protected_path(uri, self.protected)
        return uri
