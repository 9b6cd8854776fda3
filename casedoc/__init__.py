"""The case document (utskrift): one person's assessment, suggestion, decision, services and
history, as one self-contained HTML page that prints on A4, or as a PDF through headless Chromium.

Headless (no Textual): the TUI and `rusmatrise utskrift` share it. Every value from the store
or the matrix is HTML-escaped; the page fetches nothing from a network.
"""

from casedoc.document import case_document_html
from casedoc.pdf import ChromiumMissing, html_to_pdf

__all__ = ["ChromiumMissing", "case_document_html", "html_to_pdf"]
