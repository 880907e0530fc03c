from enum import StrEnum


class TriggerType(StrEnum):
    CHANGE_REQUEST_ANSWERED = "change_request.answered"
    CHILD_ERASED = "child.erased"
    CLAIM_APPROVED = "claim.approved"
    CLAIM_PAID = "claim.paid"
    CLAIM_REJECTED = "claim.rejected"
    CONTRACT_ENDED = "contract.ended"
    CONTRACT_IN_FORCE = "contract.in_force"
    CONTRACT_OFFERED = "contract.offered"
    CONTRACT_TERMINATED = "contract.terminated"
    DOCUMENT_SHARED = "document.shared"
    ORDER_ANSWER_DEADLINE = "order.answer_deadline"
    ORDER_ANSWER_DUE = "order_answer.due"
    ORDER_CHANGED = "order.changed"
    ORDER_PLACED = "order.placed"
    ORDER_WITHDRAWN = "order.withdrawn"
    STATUS_REPORT_DUE = "status_report.due"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        return str(self.value)
