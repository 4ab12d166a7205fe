"""KKMP POS: offline-first point of sale for cooperative sembako shops."""

__version__ = "0.1.0"
