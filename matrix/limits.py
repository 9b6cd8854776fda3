"""Every bound the product puts on what it reads, in one place (the README's "Limits" lists them).

Input files, JSON documents and matrix files come from outside and are hostile until checked:
each limit below turns something that would exhaust memory, time or the stack into a clear
message. They are product constants, not domain data, so they live in code.
"""

from __future__ import annotations

# XLSX is a zip archive: checked from its directory before anything is expanded.
XLSX_MAX_UNCOMPRESSED = 4 * 1024**3  # bytes, all members together (a full 1,048,576-row sheet fits)
XLSX_MAX_RATIO = 100  # uncompressed ÷ compressed size, for any member larger than XLSX_RATIO_FROM
XLSX_RATIO_FROM = 1024**2  # bytes: small members may compress better without harm
XLSX_MAX_MEMBERS = 10_000  # entries in the archive

# Cells and fields.
MAX_CELL_CHARS = 32_767  # any one cell or JSON value (Excel's own cell limit)
MAX_TEXT_CHARS = 4_000  # a free-text field (brukers_onske)
MAX_PERSON_ID_CHARS = 64
MAX_COLUMNS = 16_384  # columns in a header (Excel's own limit)
MAX_HEADER_LINES = 5  # physical lines one CSV header may span (quoted line breaks)

# JSON (classify input, JSONL lines).
MAX_JSON_DEPTH = 20  # nesting of objects and arrays
MAX_JSON_BYTES = 1024**2  # one classify document or one JSONL line

# Matrix files.
MAX_CONDITION_DEPTH = 20  # nesting of alle/minst_en in a decision-table condition
MAX_MATRIX_BYTES = 8 * 1024**2
