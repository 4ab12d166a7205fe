"""The cooperative chart of accounts (SAK EP) that ships with the till, SIMKOPDES CORE-style numbering.

Six digits: the first is the group (1 aset, 2 kewajiban, 3 ekuitas, 4 pendapatan, 5 harga pokok,
6 beban), the next two the account, the last three room for sub-accounts the manager adds. Accounts per
business unit carry the unit; revenue accounts also carry the segment (member / non-member), which the
PHU report splits by. The rules in core/journal_rules.py name accounts by role; ROLES maps each role to
its account here.
"""

from __future__ import annotations

from dataclasses import dataclass

ACCOUNT_TYPES = ("asset", "liability", "equity", "revenue", "expense")
# The side an account's balance normally sits on: debit for assets and expenses.
DEBIT_NORMAL = frozenset({"asset", "expense"})
BUSINESS_UNITS = ("sembako", "lpg", "obat", "konsinyasi")
SEGMENTS = ("member", "nonmember")


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    type: str  # one of ACCOUNT_TYPES
    unit: str = ""  # business unit, for per-unit accounts
    segment: str = ""  # member | nonmember, for revenue split by who bought


_UNIT_NAMES = {"sembako": "sembako", "lpg": "LPG", "obat": "obat", "konsinyasi": "konsinyasi"}


def _per_unit() -> list[Account]:
    rows: list[Account] = []
    for i, unit in enumerate(BUSINESS_UNITS, start=1):
        label = _UNIT_NAMES[unit]
        rows.append(Account(f"114{i}00", f"Persediaan {label}", "asset", unit))
        rows.append(Account(f"41{i}100", f"Pendapatan {label} - anggota", "revenue", unit, "member"))
        rows.append(Account(f"41{i}200", f"Pendapatan {label} - non-anggota", "revenue", unit, "nonmember"))
        rows.append(
            Account(f"51{i}100", f"Harga pokok penjualan {label} - anggota", "expense", unit, "member")
        )
        rows.append(
            Account(f"51{i}200", f"Harga pokok penjualan {label} - non-anggota", "expense", unit, "nonmember")
        )
    return rows


DEFAULT_CHART: tuple[Account, ...] = tuple(
    sorted(
        [
            Account("111000", "Kas (laci kasir)", "asset"),
            Account("111100", "Kas brankas", "asset"),
            Account("112000", "Bank", "asset"),
            Account("112100", "Kliring QRIS", "asset"),
            Account("113000", "Piutang anggota (bon)", "asset"),
            Account("119000", "Akun sementara (suspense)", "asset"),
            Account("121000", "Peralatan dan inventaris", "asset"),
            Account("211000", "Utang usaha", "liability"),
            Account("212000", "PPN keluaran", "liability"),
            Account("213000", "Simpanan sukarela", "liability"),
            Account("214000", "Utang SHU anggota", "liability"),
            Account("221000", "Pinjaman", "liability"),
            Account("311000", "Simpanan pokok", "equity"),
            Account("312000", "Simpanan wajib", "equity"),
            Account("320000", "Cadangan", "equity"),
            Account("330000", "Hibah / modal penyertaan", "equity"),
            Account("340000", "SHU belum dibagi", "equity"),
            Account("350000", "Ekuitas saldo awal", "equity"),
            Account("481000", "Selisih pembulatan", "revenue"),
            Account("489000", "Pendapatan lain-lain", "revenue"),
            Account("610000", "Beban gaji dan upah", "expense"),
            Account("611000", "Beban sewa", "expense"),
            Account("612000", "Beban listrik dan air", "expense"),
            Account("613000", "Beban perlengkapan toko", "expense"),
            Account("614000", "Beban penghapusan persediaan", "expense"),
            Account("615000", "Selisih stok opname", "expense"),
            Account("619000", "Beban lain-lain", "expense"),
            *_per_unit(),
        ],
        key=lambda a: a.code,
    )
)

SUSPENSE = "119000"
OPENING_EQUITY = "350000"
RETAINED = "340000"

# role -> account. A role the rules ask for that is missing here posts to SUSPENSE with a warning.
ROLES: dict[str, str] = {
    "cash": "111000",
    "safe": "111100",
    "bank": "112000",
    "qris_clearing": "112100",
    "member_receivable": "113000",
    "payable": "211000",
    "ppn_out": "212000",
    "simpanan:sukarela": "213000",
    "simpanan:pokok": "311000",
    "simpanan:wajib": "312000",
    "rounding": "481000",
    "writeoff": "614000",
    "count_difference": "615000",
    "other_income": "489000",
    "other_expense": "619000",
}
for _a in DEFAULT_CHART:
    if _a.unit and _a.type == "asset":
        ROLES[f"inventory:{_a.unit}"] = _a.code
    elif _a.unit and _a.type == "revenue":
        ROLES[f"revenue:{_a.unit}:{_a.segment}"] = _a.code
    elif _a.unit and _a.type == "expense":
        ROLES[f"cogs:{_a.unit}:{_a.segment}"] = _a.code

# A payment method's account (a sale paid by it, a refund made by it, a simpanan paid by it).
METHOD_ROLES = {"cash": "cash", "qris": "qris_clearing", "transfer": "bank", "bon": "member_receivable"}

# Cash moved in or out of the drawer: the first keyword found in the reason names the account's role.
CASH_OUT_KEYWORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("plastik", "kantong", "perlengkapan", "atk", "kertas"), "expense:supplies"),
    (("listrik", "air", "pln", "pdam", "token"), "expense:utilities"),
    (("gaji", "upah", "honor", "lembur"), "expense:wages"),
    (("sewa",), "expense:rent"),
    (("pemasok", "supplier", "utang", "hutang", "bayar barang"), "payable"),
    (("brankas", "setor", "bank"), "safe"),
)
ROLES.update(
    {
        "expense:supplies": "613000",
        "expense:utilities": "612000",
        "expense:wages": "610000",
        "expense:rent": "611000",
    }
)


def normal_side_is_debit(account_type: str) -> bool:
    return account_type in DEBIT_NORMAL


def valid_code(code: str) -> bool:
    """An account code: six digits, the first a group 1-6."""
    return len(code) == 6 and code.isdigit() and code[0] in "123456"


def type_of_code(code: str) -> str:
    """The account type a code's group implies (5 and 6 are both expenses)."""
    return {"1": "asset", "2": "liability", "3": "equity", "4": "revenue"}.get(code[0], "expense")
