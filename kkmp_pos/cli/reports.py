"""`kkmp-pos report ...`: end of day, a date range and member purchases, for scheduled jobs and checks."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kkmp_pos.cli.commands import open_till_for
from kkmp_pos.cli.registry import command


@command("report", "end-of-day, date-range and member purchase reports (text, JSON or PDF)")
def _report(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="report_command", required=True)
    eod = sub.add_parser("eod", help="end of day for one business date")
    eod.add_argument("--date", help="business date YYYY-MM-DD (default: today in the shop's time zone)")
    rng = sub.add_parser("range", help="a date range (e.g. a month)")
    rng.add_argument("--from", dest="date_from", required=True, help="first business date YYYY-MM-DD")
    rng.add_argument("--to", dest="date_to", required=True, help="last business date YYYY-MM-DD")
    mem = sub.add_parser("members", help="net purchases per member (basis of SHU)")
    mem.add_argument("--from", dest="date_from", required=True)
    mem.add_argument("--to", dest="date_to", required=True)
    for p in (eod, rng, mem):
        p.add_argument("--pdf", type=Path, help="also write the report as a PDF file")
        p.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    # the LPG 3 kg logbook Pertamina asks for
    lpg = sub.add_parser("lpg", help="LPG 3 kg logbook: every subsidised sale with the buyer's NIK")
    lpg.add_argument("--from", dest="date_from", required=True, help="first business date YYYY-MM-DD")
    lpg.add_argument("--to", dest="date_to", required=True, help="last business date YYYY-MM-DD")
    lpg.add_argument("--csv", type=Path, help="also write the logbook as a CSV file")
    lpg.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    lpg.add_argument(
        "--full-nik",
        action="store_true",
        help="full NIKs instead of masked ones (personal data, UU 27/2022: for the Pertamina export only; "
        "audited)",
    )


@_report.handler
def run_report(args: argparse.Namespace) -> int:
    from kkmp_pos.core.receipt import render_text, width_for_paper

    till = open_till_for(args)
    try:
        if args.report_command == "lpg":
            return _lpg(till, args)
        if args.report_command == "members":
            report = till.reports.member_purchases(None, args.date_from, args.date_to)
            if args.json:
                print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            else:
                from kkmp_pos.core.money import format_rp

                for row in report.rows:
                    print(
                        f"{row['number']}\t{row['name']}\t{row['sale_count']}\t{format_rp(row['total_rp'])}"
                    )
                print(f"TOTAL\t\t\t{format_rp(report.total_rp)}")
        else:
            if args.report_command == "eod":
                report = till.reports.end_of_day(None, args.date or till.ctx.business_date())
            else:
                report = till.reports.date_range(None, args.date_from, args.date_to)
            if args.json:
                print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
            else:
                doc = till.reports.document(report)
                print(render_text(doc, width_for_paper(till.ctx.settings.printer_paper_mm)))
        if args.pdf:
            till.reports.save_pdf(report, args.pdf)
            print(f"PDF: {args.pdf}", file=sys.stderr)
    finally:
        till.close()
    return 0


def _lpg(till, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    """The LPG 3 kg logbook as text or JSON, and as CSV when asked."""
    book = till.lpg_logbook.logbook(None, args.date_from, args.date_to, full_nik=args.full_nik)
    if args.json:
        print(json.dumps(book.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(book.text_lines()))
    if args.csv:
        till.lpg_logbook.write_csv(book, args.csv)
        print(f"CSV: {args.csv}", file=sys.stderr)
    return 0
