"""Paint: the only reportlab user — pages of placed items → PDF (fonts, CMYK, overprint, PDF/X)."""
