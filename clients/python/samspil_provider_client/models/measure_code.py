from enum import StrEnum


class MeasureCode(StrEnum):
    SEL_52_3_1 = "sel_52_3_1"
    SEL_52_3_10 = "sel_52_3_10"
    SEL_52_3_2 = "sel_52_3_2"
    SEL_52_3_3 = "sel_52_3_3"
    SEL_52_3_4 = "sel_52_3_4"
    SEL_52_3_5 = "sel_52_3_5"
    SEL_52_3_6 = "sel_52_3_6"
    SEL_52_3_7 = "sel_52_3_7"
    SEL_52_3_8 = "sel_52_3_8"
    SEL_52_3_9 = "sel_52_3_9"

    def __str__(self) -> str:
        return str(self.value)
