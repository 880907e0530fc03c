"""All use cases of the authority, wired once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from eventkit import EventStore
from servicekit.publishing import Publisher
from servicekit.statecache import StateCache

from authority.app.aggregates import Aggregates, Kit
from authority.app.casefiles import CaseFiles
from authority.app.cases import Cases
from authority.app.change_requests import ChangeRequests
from authority.app.concerns import Concerns
from authority.app.contracts import Contracts
from authority.app.followups import FollowUps
from authority.app.keyring import Keyring
from authority.app.letters import Letters, Sender
from authority.app.notice import Notice
from authority.app.notifications import Notifications
from authority.app.orders import Orders
from authority.app.outbound import BlobStore, DigitalPost, LetterRenderer, VirusScanner
from authority.app.ports import Citizens, KeyStore, Views
from authority.app.provider_text import ProviderTexts
from authority.app.settlement import Claims
from authority.app.sharing import Sharing
from authority.app.standards import StandardContracts
from authority.app.transport import Transport


@dataclass(frozen=True)
class Services:
    kit: Kit
    cases: Cases
    orders: Orders
    contracts: Contracts
    followups: FollowUps
    concerns: Concerns
    claims: Claims
    standards: StandardContracts
    citizens: Citizens
    texts: ProviderTexts
    notifications: Notifications
    casefiles: CaseFiles
    letters: Letters
    sharing: Sharing
    notice: Notice
    changes: ChangeRequests

    @classmethod
    def create(
        cls,
        store: EventStore,
        views: Views,
        keys: KeyStore,
        citizens: Citizens,
        publisher: Publisher,
        transport_master_key: str,
        contact_email: str,
        municipality: str | None = None,
        *,
        outbound: Outbound,
    ) -> Services:
        keyring = Keyring(keys)
        aggregates = Aggregates.create(keyring, StateCache())
        kit = Kit(store, aggregates, views, keyring, publisher, municipality)
        cases = Cases(kit, citizens)
        standards = StandardContracts(kit)
        contracts = Contracts(kit, cases, standards)
        transport = Transport(transport_master_key)
        out = outbound
        files = CaseFiles(kit, cases, out.blobs, out.scanner)
        letters = Letters(kit, cases, files, out.renderer, out.post, out.sender)
        cases.on_approved = letters.decision_letters
        return cls(
            kit=kit,
            cases=cases,
            orders=Orders(kit, cases, transport, contact_email),
            contracts=contracts,
            followups=FollowUps(kit, contracts),
            concerns=Concerns(kit),
            claims=Claims(kit),
            standards=standards,
            citizens=citizens,
            texts=ProviderTexts(kit, cases, transport),
            notifications=Notifications(kit, cases),
            casefiles=files,
            letters=letters,
            sharing=Sharing(files),
            notice=Notice(kit),
            changes=ChangeRequests(kit, contracts),
        )


@dataclass(frozen=True)
class Outbound:
    """The adapters behind the case file and the letters (composition root's choice)."""

    blobs: BlobStore
    scanner: VirusScanner
    renderer: LetterRenderer
    post: DigitalPost
    sender: Sender
