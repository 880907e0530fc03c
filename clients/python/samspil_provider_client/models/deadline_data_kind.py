from enum import StrEnum


class DeadlineDataKind(StrEnum):
    ORDER_ANSWER_DUE = "order_answer_due"
    STATUS_REPORT_DUE = "status_report_due"

    def __str__(self) -> str:
        return str(self.value)
