"""External systems other than hardware (the QRIS acquirer's SNAP API), each behind a small Protocol
with a simulator shipped beside it for the demo and the tests."""
