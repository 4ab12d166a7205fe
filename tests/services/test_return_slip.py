"""The return slip names the return, the sale, each line's quantity and refund, and the approver."""

import pytest

from kkmp_pos.core.receipt import render_text
from kkmp_pos.services.selling.return_slip import return_slip
from tests.gui.dialog_support import sell


@pytest.mark.usefixtures("without_purchase_caps")  # sells 3 packs of Beras SPHP / 3 L MinyaKita
def test_return_slip_lists_lines_refund_and_approver(till, cashier, manager):
    result = sell(till, cashier, [("SPHP5", 3000), ("MK1", 2000)], member="A-000001")
    rice = next(line for line in till.reversals.returnable(result.sale_id) if "SPHP" in line.name)
    doc_id = till.reversals.create_return(
        result.sale_id, {rice.sale_line_id: 1000}, cashier, manager, reason="kemasan sobek"
    )
    text = render_text(return_slip(till.ctx, doc_id), 32)
    assert "NOTA RETUR" in text and result.receipt_no in text and f"R-{result.receipt_no}-1" in text
    assert rice.name in text and "Rp64.500" in text and "kemasan sobek" in text
    assert manager.name in text and cashier.name in text
    oil = next(
        line
        for line in till.reversals.returnable(result.sale_id)
        if line is not rice and line.name != rice.name
    )
    assert oil.name not in text  # only what came back
