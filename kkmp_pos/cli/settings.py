"""`kkmp-pos settings qris --from-image FILE | --payload TEXT | --show`: the shop's static QRIS from a
terminal, through the same service as the settings screen (services/setup/qris_setup.py).

Saving is a manager's decision: `--user NAME`, the PIN typed or on the first stdin line (or in
KKMP_POS_PIN). `--check` reads and checks a code without saving it, and needs no PIN.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kkmp_pos.cli.registry import command, data_dir_of

if TYPE_CHECKING:
    from kkmp_pos.services.setup.qris_setup import QrisMerchant


@command("settings", "the shop's settings that are entered once (the static QRIS, the QRIS acquirer)")
def _settings(parser: argparse.ArgumentParser) -> None:
    sections = parser.add_subparsers(dest="section", required=True)
    qris = sections.add_parser("qris", help="enter, check or show the shop's static QRIS code")
    source = qris.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-image", metavar="FILE", help="a photo or image file of the QRIS sticker")
    source.add_argument("--payload", metavar="TEXT", help="the code's text (as the 2D scanner types it)")
    source.add_argument("--show", action="store_true", help="show the saved code's merchant details")
    qris.add_argument("--user", help="a manager's name, to save (the PIN is asked for or read from stdin)")
    qris.add_argument("--check", action="store_true", help="only read and check the code; save nothing")
    acq = sections.add_parser(
        "acquirer", help="the QRIS acquirer's SNAP API (payments confirm themselves); secrets never printed"
    )
    acq.add_argument("--show", action="store_true", help="show the saved settings (secrets as set or not)")
    acq.add_argument("--clear", action="store_true", help="no acquirer: static QRIS and manual confirmation")
    acq.add_argument(
        "--from-json", metavar="FILE", help="the settings as JSON (what kkmp-pos-snap-sim prints at start)"
    )
    acq.add_argument("--base-url", help="the acquirer's SNAP base URL, e.g. https://sandbox.bank.co.id")
    acq.add_argument("--client-id", help="X-CLIENT-KEY / X-PARTNER-ID given by the acquirer")
    acq.add_argument("--client-secret-file", metavar="FILE", help="a file holding the client secret")
    acq.add_argument("--private-key", metavar="PEM_FILE", help="the till's RSA private key (signs tokens)")
    acq.add_argument("--acquirer-public-key", metavar="PEM_FILE", help="the acquirer's RSA public key")
    acq.add_argument("--merchant-id")
    acq.add_argument("--terminal-id")
    acq.add_argument("--channel-id")
    acq.add_argument("--user", help="a manager's name (the PIN is asked for or read from stdin)")


def _say(args: argparse.Namespace, indonesian: str, english: str) -> str:
    return english if args.lang == "en" else indonesian


def _print_merchant(args: argparse.Namespace, merchant: QrisMerchant) -> None:
    rows = [
        (_say(args, "Nama merchant", "Merchant name"), merchant.merchant_name),
        (_say(args, "Kota", "City"), merchant.merchant_city),
        ("NMID", merchant.nmid or "-"),
        (_say(args, "Acquirer", "Acquirer"), merchant.acquirer_text or "-"),
        (_say(args, "Kode pos", "Postal code"), merchant.postal_code or "-"),
        ("MCC", merchant.mcc),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}")


@_settings.handler
def run_settings(args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till

    if args.section == "acquirer":
        return _acquirer(args)
    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        service = till.qris_setup
        if args.show:
            current = service.current()
            if current is None:
                print(_say(args, "QRIS toko belum diatur.", "The shop's QRIS is not set up."))
                return 1
            print(_say(args, "QRIS toko:", "The shop's QRIS:"))
            _print_merchant(args, current)
            return 0
        merchant = service.read_image(args.from_image) if args.from_image else service.check(args.payload)
        if args.check:
            print(_say(args, "Kode QRIS statis sah (belum disimpan):", "A valid static QRIS (not saved):"))
            _print_merchant(args, merchant)
            return 0
        if not args.user:
            print(
                _say(
                    args,
                    "Menyimpan QRIS perlu --user (manajer); --check hanya memeriksa.",
                    "Saving the QRIS needs --user (a manager); --check only checks it.",
                ),
                file=sys.stderr,
            )
            return 2
        from kkmp_pos.cli.sync import _manager

        saved = service.save(_manager(till, args.user), merchant.payload)
        print(_say(args, "QRIS toko tersimpan:", "The shop's QRIS is saved:"))
        _print_merchant(args, saved)
        return 0
    finally:
        till.close()


def _acquirer(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kkmp_pos.app import open_till

    till = open_till(data_dir_of(args), demo=args.demo)
    try:
        service = till.acquirer_setup
        if args.show:
            current = service.current()
            if current is None:
                print(_say(args, "Acquirer QRIS belum diatur.", "No QRIS acquirer is set up."))
                return 1
            for key, value in current.shown().items():
                print(f"  {key}: {value}")
            return 0
        if not args.user:
            print(_say(args, "Perlu --user (manajer).", "Needs --user (a manager)."), file=sys.stderr)
            return 2
        from kkmp_pos.cli.sync import _manager

        manager = _manager(till, args.user)
        if args.clear:
            service.clear(manager)
            print(_say(args, "Acquirer QRIS dihapus.", "The QRIS acquirer is removed."))
            return 0

        def read(path: str | None) -> str | None:
            return Path(path).read_text("utf-8").strip() + "\n" if path else None

        secret = read(args.client_secret_file)
        given = {}
        if args.from_json:
            import json

            given = json.loads(Path(args.from_json).read_text("utf-8"))
            if not isinstance(given, dict):
                print(_say(args, "JSON harus objek.", "The JSON must be an object."), file=sys.stderr)
                return 2
        typed = {
            k: v
            for k, v in {
                "base_url": args.base_url,
                "client_id": args.client_id,
                "client_secret": secret.strip() if secret else None,
                "private_key_pem": read(args.private_key),
                "acquirer_public_key_pem": read(args.acquirer_public_key),
                "merchant_id": args.merchant_id,
                "terminal_id": args.terminal_id,
                "channel_id": args.channel_id,
            }.items()
            if v is not None
        }
        saved = service.save(manager, given | typed)
        print(_say(args, "Acquirer QRIS tersimpan:", "The QRIS acquirer is saved:"))
        for key, value in saved.shown().items():
            print(f"  {key}: {value}")
        return 0
    finally:
        till.close()
