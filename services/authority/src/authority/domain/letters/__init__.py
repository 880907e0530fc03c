"""Letters from a case: their text in Danish (decision letters, receipts), pure."""

from authority.domain.letters.content import LetterContent, Section, danish_date
from authority.domain.letters.decision import complaint_guidance, decision_letter
from authority.domain.letters.receipt import receipt_letter

__all__ = [
    "LetterContent",
    "Section",
    "complaint_guidance",
    "danish_date",
    "decision_letter",
    "receipt_letter",
]
