"""Article: the article file format (format.py owns it) and the article as styled text (text.py)."""

from .text import ArticleText, Paragraph, TextSpan, parse_article, read_article, visible_characters

__all__ = ["ArticleText", "Paragraph", "TextSpan", "parse_article", "read_article", "visible_characters"]
