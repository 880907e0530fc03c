"""Letters from the case, through Digital Post.

A decision (afgørelse) produces a letter to each party (barnets lov § 3): the custody
holders and the child from 10 years. Each letter is laid out as PDF, kept on the case file
(sealed with the child's key), sent as a Digital Post message with legal effect, and its
delivery recorded; when every party has theirs, the decision is recorded as communicated.
Sending again sends only what is missing: letters and messages have ids derived from the
decision and the party, so a retry after a failure delivers nothing twice.

A professional reporter's receipt (barnets lov § 136) goes the same way to the reporting
organisation's CVR number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5
from zoneinfo import ZoneInfo

from eventkit import UnitOfWork

from authority.app.acting import Acting
from authority.app.aggregates import Kit
from authority.app.casefiles import CaseFiles
from authority.app.cases import Cases
from authority.app.outbound import (
    DigitalPost,
    IdType,
    LetterRenderer,
    PostAddress,
    PostDocument,
    PostFile,
    PostMessage,
)
from authority.app.receipts import notification_receipt
from authority.domain import DomainError
from authority.domain.case import (
    CaseState,
    DecisionStatus,
    Party,
    RecordDecisionCommunicated,
    parties,
)
from authority.domain.casefile import CaseFileState, DocumentKind, Letter, RecordLetterSent
from authority.domain.letters import decision_letter, receipt_letter
from authority.domain.notification import NotificationState, ReceiptChannel

DENMARK = ZoneInfo("Europe/Copenhagen")
FILE_NAMES = {"child": "barn", "mother": "mor", "father": "far", "guardian": "vaerge"}


@dataclass(frozen=True)
class Sender:
    """The authority as Digital Post knows it: its CVR number and its name."""

    cvr: str
    name: str

    def address(self) -> PostAddress:
        return PostAddress(IdType.CVR, self.cvr, self.name)


def letter_id(decision_id: UUID, recipient: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"urn:samspil:decision-letter:{decision_id}:{recipient}")


def message_id(document_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"urn:samspil:digital-post:{document_id}")


class Letters:
    def __init__(
        self,
        kit: Kit,
        cases: Cases,
        files: CaseFiles,
        renderer: LetterRenderer,
        post: DigitalPost,
        sender: Sender,
    ) -> None:
        self.kit, self.cases, self.files = kit, cases, files
        self.renderer, self.post, self.sender = renderer, post, sender

    async def decision_letters(self, case_id: UUID, decision_id: UUID, a: Acting) -> list[Letter]:
        """Send each party the decision letter they have not had yet; all of them."""
        case, _ = await self.cases.load(case_id)
        decision = case.decision(decision_id)
        if decision is None or decision.status is not DecisionStatus.APPROVED:
            raise DomainError("decision_not_approved", "only an approved decision is sent")
        if case.erased:
            raise DomainError("case_erased", "the child's data on this case has been erased")
        on = a.at.astimezone(DENMARK).date()
        who = parties(case, on)
        async with self.kit.store.unit_of_work() as uow:
            current = await self.files.aggregate.current(uow, case_id)
            state: CaseFileState = current.state or CaseFileState()
            for party in who:
                if state.letter_to(decision_id, party.recipient.value) is None:
                    await self._send(uow, case, decision_id, party, on, a)
            done = {p.recipient for p in who}
            if not done <= decision.communicated_to:
                told = RecordDecisionCommunicated(
                    **a.stamp(), decision_id=decision_id, recipients=frozenset(done)
                )
                await self.kit.run(uow, self.cases.aggregate, case_id, told, a.without_revision())
            final = await self.files.aggregate.current(uow, case_id)
        letters: tuple[Letter, ...] = final.state.letters if final.state else ()
        return [x for x in letters if x.decision_id == decision_id]

    async def _send(
        self, uow: UnitOfWork, case: CaseState, decision_id: UUID, party: Party, on: date, a: Acting
    ) -> None:
        decision = case.decision(decision_id)
        assert decision is not None  # checked by the caller
        content = decision_letter(case, decision, party, on, self.sender.name)
        pdf = self.renderer.pdf(content)
        document_id = letter_id(decision_id, party.recipient.value)
        filename = f"afgoerelse-{on.isoformat()}-{FILE_NAMES[party.recipient.value]}.pdf"
        await self.files.keep(
            uow, case.case_id, document_id, DocumentKind.DECISION_LETTER, filename, pdf, a
        )
        message = PostMessage(
            message_id=message_id(document_id),
            sender=self.sender.address(),
            recipient=PostAddress(IdType.CPR, party.person.cpr.digits, party.person.name),
            label=content.title,
            main_document=PostDocument(
                content.title, (PostFile(filename, "application/pdf", pdf),)
            ),
            legal_notification=True,
            reference=content.reference,
        )
        receipt = await self.post.send(message)
        sent = RecordLetterSent(
            **a.stamp(),
            document_id=document_id,
            decision_id=decision_id,
            recipient=party.recipient.value,
            message_id=message.message_id,
            sent_at=receipt.delivered_at,
        )
        await self.kit.run(uow, self.files.aggregate, case.case_id, sent, a.without_revision())

    async def receipt(self, notification: NotificationState, a: Acting) -> int:
        """The § 136 receipt to the reporting organisation's Digital Post (its CVR)."""
        reporter = notification.reporter
        if not reporter.cvr:
            raise DomainError("reporter_cvr_required", "the reporter's CVR number is unknown")
        content = receipt_letter(notification, a.at.astimezone(DENMARK), self.sender.name)
        pdf = self.renderer.pdf(content)
        message = PostMessage(
            message_id=uuid5(NAMESPACE_URL, f"urn:samspil:receipt:{notification.notification_id}"),
            sender=self.sender.address(),
            recipient=PostAddress(IdType.CVR, reporter.cvr, content.recipient),
            label=content.title,
            main_document=PostDocument(
                content.title, (PostFile("kvittering.pdf", "application/pdf", pdf),)
            ),
            reply_allowed=False,
            reference=content.reference,
        )
        async with self.kit.store.unit_of_work() as uow:
            revision = await notification_receipt(
                self.kit, uow, notification.notification_id, ReceiptChannel.DIGITAL_POST, a
            )
            await self.post.send(message)
            return revision
