"""The receipt printer's settings (connection, paper, profile, code page, logo, text, cut, drawer) and
a test print; on Windows, the installed printers to pick from."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from dataclasses import asdict, dataclass, field

from kkmp_pos.core.errors import ValidationError
from kkmp_pos.db.models import PrintJobModel
from kkmp_pos.services.audit import audit
from kkmp_pos.services.context import Actor, ServiceContext
from kkmp_pos.services.setup.auth import require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrinterConfig:
    uri: str = "dummy://"
    paper_mm: int = 58
    profile: str = "generic-58"
    code_page: str = "CP437"
    logo_path: str = ""
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = field(default_factory=tuple)
    cut: bool = True
    kick_drawer: bool = True


_KEYS = {
    "uri": "printer.uri",
    "paper_mm": "printer.paper_mm",
    "profile": "printer.profile",
    "code_page": "printer.code_page",
    "logo_path": "printer.logo_path",
    "header_lines": "receipt.header",
    "footer_lines": "receipt.footer",
    "cut": "printer.cut",
    "kick_drawer": "printer.kick_drawer",
}


def logo_bytes(path: str, paper_mm: int) -> bytes:
    """ESC/POS raster bytes of the shop's logo, scaled to the paper (python-escpos, lazily)."""
    import contextlib
    import io

    from escpos.printer import Dummy
    from PIL import Image

    from kkmp_pos.core.errors import DeviceError

    try:
        image = Image.open(path)
        image.load()
    except (OSError, ValueError) as exc:
        from kkmp_pos.core.reasons import foreign_reason, os_error_reason

        if type(exc).__name__ == "UnidentifiedImageError":
            reason_id = "bukan berkas gambar yang dikenal (pakai PNG atau JPG)"
            reason_en = "not an image file we can read (use PNG or JPG)"
        elif isinstance(exc, OSError):
            reason_id, reason_en = os_error_reason(exc)
        else:
            reason_id, reason_en = foreign_reason(str(exc))
        raise DeviceError(
            "printer_logo_unreadable", path=path, reason=reason_id, reason_en=reason_en
        ) from exc
    max_dots = 384 if paper_mm == 58 else 576
    if image.width > max_dots:
        image = image.resize((max_dots, max(1, image.height * max_dots // image.width)))
    printer = Dummy()
    with contextlib.redirect_stdout(io.StringIO()):
        printer.image(image.convert("RGB"), impl="bitImageRaster", center=True)
    return bytes(printer.output)


class PrinterSettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def load(self) -> PrinterConfig:
        values = {name: self.ctx.settings.get(key) for name, key in _KEYS.items()}
        values["header_lines"] = tuple(values["header_lines"])
        values["footer_lines"] = tuple(values["footer_lines"])
        return PrinterConfig(**values)

    def validate(self, config: PrinterConfig) -> None:
        """ValidationError for anything a printer could not use (URI, paper, profile, code page)."""
        from kkmp_pos.devices.escpos_profiles import get_profile
        from kkmp_pos.devices.printer import PrinterSettings

        if config.paper_mm not in (58, 80):
            raise ValidationError("printer_setting_invalid", setting="paper_mm", value=config.paper_mm)
        PrinterSettings(
            uri=config.uri,
            paper_width_mm=config.paper_mm,
            code_page=config.code_page,
            protected=self.ctx.protected_paths(),
        ).parsed_uri()
        try:
            get_profile(config.profile)
        except KeyError:
            raise ValidationError("printer_profile_unknown", profile=config.profile) from None
        if config.logo_path:
            logo_bytes(config.logo_path, config.paper_mm)

    def save(self, actor: Actor, config: PrinterConfig) -> PrinterConfig:
        require(actor, "settings")
        self.validate(config)
        before = self.load()
        with self.ctx.db.atomic():
            for name, key in _KEYS.items():
                value = getattr(config, name)
                self.ctx.set_setting(key, list(value) if isinstance(value, tuple) else value)
            old = asdict(before)
            changed = {k: [old[k], v] for k, v in asdict(config).items() if old[k] != v}  # old → new
            audit(self.ctx, "settings.printer", actor, changes=changed)
        return self.load()

    @staticmethod
    def profiles() -> list[str]:
        from kkmp_pos.devices.escpos_profiles import profile_names

        return profile_names()

    @staticmethod
    def code_pages() -> tuple[str, ...]:
        from kkmp_pos.devices.escpos_profiles import SUPPORTED_CODE_PAGES

        return SUPPORTED_CODE_PAGES

    @staticmethod
    def uri_examples() -> tuple[str, ...]:
        from kkmp_pos.devices.printer_uri import FORMS

        return FORMS

    @staticmethod
    def installed_printers() -> list[str]:
        """Printer URIs the OS knows: Windows printers (win32print), else CUPS queues (lpstat)."""
        if sys.platform == "win32":
            try:
                import win32print  # type: ignore[import-not-found]
            except ImportError:
                return []
            flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
            return [f"win32://{p[2]}" for p in win32print.EnumPrinters(flags)]
        try:
            out = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, timeout=3, check=False)
        except (OSError, subprocess.SubprocessError):
            return []
        return [f"cups://{line.strip()}" for line in out.stdout.splitlines() if line.strip()]

    def test_document(self, config: PrinterConfig | None = None):  # type: ignore[no-untyped-def]
        """A test slip: the settings, a ruler, accents in the code page, a barcode and a cut."""
        from kkmp_pos.core.receipt import Barcode, build_text_document, width_for_paper
        from kkmp_pos.core.receipt_document import ReceiptDocument

        c = config or self.load()
        width = width_for_paper(c.paper_mm)
        ruler = ("1234567890" * 5)[:width]
        doc = build_text_document(
            "TES PRINTER",
            [
                ("Sambungan", c.uri),
                ("Kertas", f"{c.paper_mm} mm / {width} kolom"),
                ("Profil", c.profile),
                ("Halaman kode", c.code_page),
                ruler,
                "Rp15.000 | 1,25 kg | café",
                "---",
            ],
            width,
            header=c.header_lines,
            footer=c.footer_lines,
            cut=False,
        )
        from kkmp_pos.core.receipt_document import Cut, Feed, Text

        blocks = (*doc.blocks, Barcode("123456789012"), Text("123456789012", "center"), Feed(1), Cut())
        return ReceiptDocument(blocks, kick_drawer=c.kick_drawer)

    def queue_test_print(
        self, actor: Actor, config: PrinterConfig | None = None, uri: str | None = None
    ) -> int:
        """Queue a test slip for `config` (default: the saved settings) without saving anything; send it
        with PrintService.print_job / the print worker. `uri` sends it to another address."""
        require(actor, "settings")
        if config is not None:
            self.validate(config)
        config = config or self.load()
        document = json.loads(self.test_document(config).to_json())
        # printed with the form's paper, profile and code page, saved or not (PrintService._as_tested)
        document["printer"] = {
            "paper_mm": config.paper_mm,
            "profile": config.profile,
            "code_page": config.code_page,
            "cut": config.cut,
        }
        with self.ctx.db.atomic():
            job = PrintJobModel.create(
                kind="test",
                document=json.dumps(document, ensure_ascii=False),
                printer_uri=uri or config.uri,
                created_at=self.ctx.now_iso(),
            )
        return int(job.id)

    @staticmethod
    def has_printed_test(uri: str) -> bool:
        """Whether a test slip was sent to `uri` without a fault (a printed test job names its address)."""
        return bool(
            PrintJobModel.select()
            .where(
                (PrintJobModel.kind == "test")
                & (PrintJobModel.status == "sent")
                & (PrintJobModel.printer_uri == uri.strip())
            )
            .exists()
        )

    def needs_test_first(self, config: PrinterConfig) -> bool:
        """True when saving `config` would switch to a printer that has not printed a test page: the
        screen asks before it replaces the shop's printer with one nobody has seen print."""
        uri = config.uri.strip()
        return bool(uri) and uri != self.load().uri and not self.has_printed_test(uri)

    def test_preview(self, config: PrinterConfig) -> str:
        """The test slip for `config` as text, as it will come out of the printer (shown before printing)."""
        from kkmp_pos.core.receipt import width_for_paper
        from kkmp_pos.core.receipt_document import render_text

        return render_text(self.test_document(config), width_for_paper(config.paper_mm))
