"""A very small PDF writer: a title and paragraphs of real, selectable text.

Used for the demo library's downloads and by the tests, so every generated PDF
has a text layer that pypdf (and a screen reader) can read. A4 pages, the
standard Helvetica fonts, Windows-1252 text; nothing is downloaded. The same
text at a larger body size makes a real large print version (LARGE_PRINT_SIZE).
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72
BODY_SIZE, TITLE_SIZE = 11, 18
# Large print guidance asks for 16 to 18 point body text; the title grows with it.
LARGE_PRINT_SIZE = 18
# The width of an average character of running text in Helvetica, in ems: 88 characters a line at 11 pt.
AVERAGE_CHARACTER_WIDTH = 0.466


def pdf_string(text):
    """Text as a PDF literal string in Windows-1252, with the special characters escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_content(lines, body_size, title_size, title=None):
    commands = [b"BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    if title:
        commands += [f"/F2 {title_size} Tf".encode(), pdf_string(title) + b" Tj", f"0 -{title_size * 2} Td".encode()]
    commands += [f"/F1 {body_size} Tf {leading(body_size)} TL".encode()]
    commands += [pdf_string(line) + b" Tj T*" for line in lines]
    commands.append(b"ET")
    return b"\n".join(commands)


def leading(body_size):
    """The distance between lines: about 1.4 times the body size, in whole points."""
    return round(body_size * 1.4)


def make_pdf(title, paragraphs, body_size=BODY_SIZE):
    """The bytes of a PDF with the title on the first page and the paragraphs wrapped below it.

    body_size is the body text's size in points: LARGE_PRINT_SIZE for a large print version.
    """
    title_size = max(TITLE_SIZE, body_size + 6)
    wrap_at = int((PAGE_WIDTH - 2 * MARGIN) / (body_size * AVERAGE_CHARACTER_WIDTH))
    lines_per_page = (PAGE_HEIGHT - 2 * MARGIN - 2 * title_size) // leading(body_size)
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, wrap_at) + [""]
    pages = [lines[start : start + lines_per_page] for start in range(0, len(lines), lines_per_page)] or [[]]

    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    objects = [None, None, font % b"Helvetica", font % b"Helvetica-Bold", b"<< /Title " + pdf_string(title) + b" >>"]
    page_numbers = []
    for index, page_lines in enumerate(pages):
        stream = page_content(page_lines, body_size, title_size, title if index == 0 else None)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] " % (PAGE_WIDTH, PAGE_HEIGHT)
            + b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        page_numbers.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)
