"""Make the sample edition's supplied ad: a 公益广告 page as an advertiser would deliver it — one page the
slot's size, CMYK only, its font (LXGW WenKai, TrueType) embedded. Run from the repository root:
    .venv/bin/python issues/jining-edition/ads/make_ads.py
It writes issues/jining-edition/ads/gongyi.pdf (the file is committed; the build only reads it)."""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf"
WIDTH, HEIGHT = 997.5, 16 * 16.0  # 8 columns × 16 rows of the edition's grid
RED, CREAM, BLACK = (0, 1, 1, 0), (0, 0.04, 0.16, 0), (0, 0, 0, 1)


def centred(c: Canvas, text: str, size: float, y: float, colour) -> None:
    """`text` centred on the page at baseline `y`."""
    c.setFillColorCMYK(*colour)
    c.setFillOverprint(colour == BLACK)  # 100 K text overprints (the plant's rule, and layout check's)
    c.setOverprintMask(1)
    c.setFont("WenKai", size)
    c.drawCentredString(WIDTH / 2, y, text)


def main() -> None:
    """Draw the ad and save it beside this script."""
    pdfmetrics.registerFont(TTFont("WenKai", FONT))
    out = Path(__file__).with_name("gongyi.pdf")
    c = Canvas(str(out), pagesize=(WIDTH, HEIGHT), invariant=1, initialFontName="WenKai", initialFontSize=12)
    c.setFillColorCMYK(*CREAM)
    c.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
    c.setStrokeColorCMYK(*RED)
    c.setLineWidth(3)
    c.rect(6, 6, WIDTH - 12, HEIGHT - 12, stroke=1, fill=0)
    c.setLineWidth(0.75)
    c.rect(12, 12, WIDTH - 24, HEIGHT - 24, stroke=1, fill=0)
    centred(c, "公益广告", 16, HEIGHT - 44, BLACK)
    centred(c, "讲文明　树新风", 64, HEIGHT - 124, RED)
    centred(c, "文明济宁　你我共建　　崇德向善　见贤思齐", 24, 74, BLACK)
    centred(c, "济宁市精神文明建设委员会办公室　济宁日报社　宣", 12, 34, BLACK)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
