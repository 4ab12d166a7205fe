"""Personal data at the till: the hash key, retention of full NIKs, erasure (docs/PRIVACY.md)."""
