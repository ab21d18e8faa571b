"""Spreadsheet exports that are safe to open in Excel or LibreOffice."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SafeSpreadsheetExportMixin:
    """For views using Wagtail's SpreadsheetExportMixin: text a visitor typed never runs as a formula.

    A spreadsheet treats a cell starting with = + - or @ as a formula, so a name
    like '=HYPERLINK(...)' typed into a public form could run on an editor's
    computer. Such text is exported with a leading apostrophe, which makes it
    plain text (OWASP's advice on CSV injection).
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value
