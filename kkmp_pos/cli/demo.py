"""`kkmp-pos demo create`: the demo shop, or a large one for benchmarks (`--products`, `--sales`,
`--days`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kkmp_pos.cli.registry import command, data_dir_of

SALES_PER_DAY = 548  # `--days N` without `--sales`: 600,000 sales over three years


@command("demo", "create the demo shop (large, for benchmarks, with --products/--sales)")
def _demo(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="demo_command", required=True)
    c = sub.add_parser("create", help="create the demo shop in --data-dir (an empty folder)")
    c.add_argument("--products", type=int, default=0, help="generated products on top of the demo catalog")
    c.add_argument("--sales", type=int, default=None, help="past sales (default with --days: 548 a day)")
    c.add_argument(
        "--days", type=int, default=None, help="days of past sales (default 100; 1095 = three years)"
    )
    c.add_argument("--seed", type=int, default=20250817, help="random seed (same seed, same shop)")
    sheet = sub.add_parser(
        "sheet", help="print the demo's barcodes, member cards and PINs as a PDF for training"
    )
    sheet.add_argument(
        "--pdf",
        type=Path,
        default=Path("kkmp-demo-sheet.pdf"),
        help="the PDF to write (default: kkmp-demo-sheet.pdf in the current folder)",
    )


@_demo.handler
def run_demo(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(argparse.Namespace(data_dir=args.data_dir, demo=True))
    if args.demo_command == "sheet":
        return _sheet(data_dir, args)
    if args.products or args.sales or args.days:
        from kkmp_pos.devtools.bulkgen import generate_large_shop

        days = args.days or 100
        sales = args.sales if args.sales is not None else (SALES_PER_DAY * days if args.days else 0)
        stats = generate_large_shop(
            data_dir, products=args.products, past_sales=sales, seed=args.seed, days=days
        )
        print(
            f"{data_dir}: {stats.products} produk, {stats.sales} penjualan "
            f"({stats.lines} baris, {stats.days} hari) dalam {stats.seconds:.1f} s"
        )
        return 0
    from kkmp_pos.app import open_till

    till = open_till(data_dir, demo=True)
    till.close()
    print(data_dir)
    return 0


def _sheet(data_dir: Path, args: argparse.Namespace) -> int:
    from kkmp_pos.app import open_till
    from kkmp_pos.services.setup.demo_sheet import write_demo_sheet

    till = open_till(data_dir, demo=True)
    try:
        print(write_demo_sheet(till.ctx, args.pdf, args.lang or "id"))
    finally:
        till.close()
    return 0
