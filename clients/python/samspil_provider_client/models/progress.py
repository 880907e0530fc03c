from enum import StrEnum


class Progress(StrEnum):
    CLEAR_PROGRESS = "clear_progress"
    GOAL_REACHED = "goal_reached"
    SOME_PROGRESS = "some_progress"
    UNCHANGED = "unchanged"
    WORSE = "worse"

    def __str__(self) -> str:
        return str(self.value)
