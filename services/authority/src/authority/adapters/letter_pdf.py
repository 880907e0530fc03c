"""Letters laid out as A4 PDF with reportlab: the sender at the top, the addressee, the date,
the title, the sections, the signature. Danish text needs nothing special: the standard
Helvetica fonts (WinAnsi) hold æ, ø, å, »«, „“ and the en dash."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from authority.domain.letters import LetterContent

_BASE = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=_BASE["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, textColor=HexColor("#444444"))
TITLE = ParagraphStyle(
    "title",
    parent=BODY,
    fontName="Helvetica-Bold",
    fontSize=14,
    leading=18,
    spaceBefore=10,
    spaceAfter=10,
)
HEADING = ParagraphStyle(
    "heading", parent=BODY, fontName="Helvetica-Bold", fontSize=11, spaceBefore=8, spaceAfter=3
)


class ReportlabLetters:
    def pdf(self, letter: LetterContent) -> bytes:
        out = BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=25 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=letter.title,
            author=letter.sender,
            lang="da-DK",
        )
        doc.build(_flow(letter))
        return out.getvalue()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    # "§ 3", "stk. 3", "nr. 2" never break at the end of a line (a no-break space).
    for word in ("§ ", "§§ ", "stk. ", "nr. "):
        text = text.replace(word, word[:-1] + "\u00a0")
    return Paragraph(escape(text), style)


def _flow(letter: LetterContent) -> list[Flowable]:
    flow: list[Flowable] = [_p(letter.sender, HEADING), _p(letter.reference, SMALL)]
    flow += [Spacer(1, 8 * mm), _p(letter.recipient, BODY), _p(letter.dated, SMALL)]
    flow.append(_p(letter.title, TITLE))
    for section in letter.sections:
        if section.heading:
            flow.append(_p(section.heading, HEADING))
        flow += [_p(text, BODY) for text in section.paragraphs]
    flow.append(Spacer(1, 6 * mm))
    flow += [_p(line, BODY) for line in letter.closing]
    return flow
