"""Any slip built in core (a return slip) queues like a receipt and prints its own text."""

from kkmp_pos.core.receipt import build_text_document
from kkmp_pos.db.models import PrintJobModel
from kkmp_pos.devices.printer import FakePrinter


def test_a_queued_text_document_prints_its_rows_once(till):
    doc = build_text_document("NOTA RETUR", [("No.", "R-1"), ("Uang kembali", "Rp64.500")], 32)
    job_id = till.printing.queue_document("return", "doc-1", doc)
    job = PrintJobModel.get_by_id(job_id)
    assert (job.kind, job.doc_id, job.status, job.is_copy) == ("return", "doc-1", "pending", False)

    till.printing.attach(FakePrinter())
    assert till.printing.print_job(job_id).ok
    assert till.printing.print_job(job_id).ok  # already sent: not sent twice
    texts = till.printing.printer.texts()
    assert len(texts) == 1
    assert "NOTA RETUR" in texts[0] and "R-1" in texts[0] and "Rp64.500" in texts[0]
    assert PrintJobModel.get_by_id(job_id).status == "sent"
