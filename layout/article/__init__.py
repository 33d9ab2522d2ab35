"""Article: the article file format (header fields, paragraphs of styled spans), one owner for reading it."""

from .text import ArticleText, Paragraph, TextSpan, parse_article, read_article, visible_characters

__all__ = ["ArticleText", "Paragraph", "TextSpan", "parse_article", "read_article", "visible_characters"]
