"""The board's web pages (issue 18): server-rendered HTML on the web listener."""
