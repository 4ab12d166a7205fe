"""The cooperative's books: journals posted from every document, manual and opening journals, reports."""
